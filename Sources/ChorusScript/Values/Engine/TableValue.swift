import ChorusEngine

/// A table (from `compare`, `metrics`, `answers`, `diff`) as a script value: typed rows a script
/// reads (`t.rows`, `t[0]`, `t.count`), printed as aligned columns with the table's notes under them.
public struct TableValue: ObjectParameter, IndexableObject {
    /// The table.
    public let table: DataTable

    /// Wraps a table.
    public init(_ table: DataTable) { self.table = table }

    /// Its Swift type, named as users read it.
    public static let objectType = ObjectType(TableValue.self, named: "table")

    public var summary: String { "\(Plural.count(table.rows.count, "row")) × \(table.columns.count) columns" }

    public var rendering: String {
        var text = table.rendered
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    public var outputParts: [OutputPart] { [.table(table)] }

    public var memberNames: [String] { ["rows", "columns", "count", "notes"] }

    public func member(_ name: String) -> Value? {
        switch name {
        case "columns": .list(table.columns.map { .string($0.key) })
        case "rows": .list(table.rows.indices.map { element(at: $0) })
        case "count": .int(table.rows.count)
        case "notes": .list(table.notes.map(Value.string))
        default: nil
        }
    }

    public var elementNoun: String { "row" }

    public var elementCount: Int { table.rows.count }

    /// Row `position` as a record keyed by the columns' keys, each cell its typed value.
    public func element(at position: Int) -> Value {
        .record(Record(zip(table.columns, table.rows[position]).map { (key: $0.key, value: Self.value(of: $1)) }))
    }

    /// A cell as a script value: numbers stay numbers, an interval is a list of its two ends.
    static func value(of cell: TableCell) -> Value {
        switch cell {
        case .none: .none
        case .bool(let value): .bool(value)
        case .int(let value): .int(value)
        case .number(let value): .double(value)
        case .text(let value): .string(value)
        case .interval(let lower, let upper): .list([.double(lower), .double(upper)])
        }
    }

    /// The rows as JSON lines for `export` and a terminal's `:mode json`: each cell under its
    /// column's key, typed (an interval as `[lower, upper]`, an empty cell as `null`).
    public var jsonLines: [String] {
        table.rows.map { row in
            JSONValue.object(
                Dictionary(zip(table.columns, row).map { ($0.key, $1.jsonValue) }, uniquingKeysWith: { $1 })
            ).jsonText
        }
    }

    public func isEqual(to other: any ScriptObject) -> Bool {
        (other as? TableValue)?.table == table
    }
}
