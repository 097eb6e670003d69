/// How a column's cells are written on a terminal; the cells keep their full values.
public enum CellFormat: Sendable, Equatable {
    /// Numbers in their shortest exact form, text as it is.
    case plain
    /// Numbers with a fixed number of decimals.
    case fixed(digits: Int)
    /// Numbers as seconds, read as a duration (`850 ms`, `1.25 s`).
    case duration
    /// Text cut to a width with an ellipsis, so one long cell (a gold answer) keeps the table readable.
    case clipped(width: Int)

    /// A number written in this format.
    func text(_ value: Double) -> String {
        switch self {
        case .plain, .clipped: NumberFormatting.shortest(value)
        case .fixed(let digits): NumberFormatting.fixed(value, digits: digits)
        case .duration: NumberFormatting.duration(seconds: value)
        }
    }

    /// Text written in this format: on one line, and cut when the format clips it.
    func clip(_ value: String) -> String {
        guard case .clipped(let width) = self else { return value }
        let line = value.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= width ? line : String(line.prefix(max(0, width - 1))) + "…"
    }
}
