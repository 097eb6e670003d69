import ChorusEngine

/// A table of numbers (from `compare`, `metrics`) as a script value: it prints as aligned columns.
public struct TableValue: ObjectParameter {
    /// The table.
    public let table: TextTable

    /// Wraps a table.
    public init(_ table: TextTable) { self.table = table }

    /// Its Swift type, named as users read it.
    public static let objectType = ObjectType(TableValue.self, named: "table")

    public var summary: String { "\(table.rows.count) rows × \(table.header.count) columns" }

    public var rendering: String {
        var text = table.rendered
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    public var memberNames: [String] { ["rows", "columns"] }

    public func member(_ name: String) -> Value? {
        switch name {
        case "columns": .list(table.header.map(Value.string))
        case "rows":
            .list(
                table.rows.map { row in
                    .record(Record(zip(table.header, row).map { (key: $0, value: Value.string($1)) }))
                })
        default: nil
        }
    }

    public func isEqual(to other: any ScriptObject) -> Bool {
        (other as? TableValue)?.table == table
    }
}
