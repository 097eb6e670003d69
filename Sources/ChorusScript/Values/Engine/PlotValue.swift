import ChorusEngine

/// A plot (from `plot`) as a script value: its output part holds the SVG, so a notebook shows the
/// figure inline and a terminal the table of its numbers; a script reads the numbers as it reads a
/// table's (`p.rows`, `p[0].acc`, `p.count`) and the figure as `p.svg`.
public struct PlotValue: ObjectParameter, IndexableObject {
    /// The plot as an output part: title, SVG, table, and the file it was written to.
    public let plot: PlotOutput

    /// Wraps a plot.
    public init(_ plot: PlotOutput) { self.plot = plot }

    /// Its Swift type, named as users read it.
    public static let objectType = ObjectType(PlotValue.self, named: "plot")

    /// The numbers, read the way a table's are.
    private var numbers: TableValue { TableValue(plot.table) }

    public var summary: String { "plot \"\(plot.title)\": \(Plural.count(plot.table.rows.count, "point"))" }

    public var rendering: String { numbers.rendering }

    public var outputParts: [OutputPart] { [.plot(plot)] }

    public var memberNames: [String] { numbers.memberNames + ["svg", "title", "file"] }

    public func member(_ name: String) -> Value? {
        switch name {
        case "svg": .string(plot.svg)
        case "title": .string(plot.title)
        case "file": plot.file.map(Value.string) ?? Value.none
        default: numbers.member(name)
        }
    }

    public var elementNoun: String { "point" }

    public var elementCount: Int { plot.table.rows.count }

    public func element(at position: Int) -> Value { numbers.element(at: position) }

    public func isEqual(to other: any ScriptObject) -> Bool {
        (other as? PlotValue)?.plot == plot
    }
}
