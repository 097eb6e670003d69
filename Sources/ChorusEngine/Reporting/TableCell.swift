/// One typed cell of a ``DataTable``: the value itself, formatted only when the table is rendered.
public enum TableCell: Sendable, Equatable {
    /// No value (shown empty).
    case none
    /// A yes/no fact.
    case bool(Bool)
    /// A count or an index.
    case int(Int)
    /// A measurement, kept at full precision.
    case number(Double)
    /// Text: a label, an answer, an id.
    case text(String)
    /// A range of numbers, such as a confidence interval.
    case interval(lower: Double, upper: Double)

    /// The cell as a terminal shows it under `format`: `none` empty, a bool `yes` or `no`.
    public func text(as format: CellFormat) -> String {
        if case .interval(let lower, let upper) = self {
            return "[" + format.text(lower) + ", " + format.text(upper) + "]"
        }
        if case .number(let value) = self { return format.text(value) }
        if case .text(let value) = self { return format.clip(value) }
        if case .int(let value) = self { return String(value) }
        if case .bool(let value) = self { return value ? "yes" : "no" }
        return ""
    }

    /// Whether the cell holds no value.
    public var isNone: Bool { self == .none }
}

extension TableCell {
    /// The cell as JSON: typed, an interval as `[lower, upper]`, an empty cell as `null`.
    public var jsonValue: JSONValue {
        switch self {
        case .none: .null
        case .bool(let value): .bool(value)
        case .int(let value): .integer(value)
        case .number(let value): .double(value)
        case .text(let value): .string(value)
        case .interval(let lower, let upper): .array([.double(lower), .double(upper)])
        }
    }
}
