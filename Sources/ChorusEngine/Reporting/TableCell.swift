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
        switch self {
        case .none: ""
        case .bool(let value): value ? "yes" : "no"
        case .int(let value): String(value)
        case .number(let value): format.text(value)
        case .text(let value): format.clip(value)
        case .interval(let lower, let upper): "[" + format.text(lower) + ", " + format.text(upper) + "]"
        }
    }

    /// Whether the cell holds no value.
    public var isNone: Bool { self == .none }
}
