import ChorusEngine
import ChorusScript

/// How tables print on the terminal, as `:mode` sets it (sqlite3's `.mode`, DuckDB's `.mode`).
///
/// The table parts keep typed cells, so each mode renders from the ``DataTable`` itself rather than
/// from its text: `text` is the aligned plain text every golden transcript holds; `markdown` a pipe
/// table of the cells as the terminal shows them, for a README or an issue; `csv` and `json` the
/// values themselves (full precision, an interval in two columns or as `[lower, upper]`), for a
/// spreadsheet or `jq`. Notes print under a markdown table; csv and json leave them out so the
/// output parses.
public enum TableMode: String, Sendable, CaseIterable {
    /// Aligned plain text with the notes under it.
    case text
    /// A Markdown pipe table.
    case markdown
    /// Comma-separated values under a header of column keys.
    case csv
    /// One JSON object per row, each cell under its column's key.
    case json

    /// The table in this mode; each line ends with a newline.
    public func render(_ table: DataTable) -> String {
        switch self {
        case .text: table.rendered
        case .markdown: Self.markdown(table)
        case .csv: Self.csv(table)
        case .json: TableValue(table).jsonLines.map { $0 + "\n" }.joined()
        }
    }

    private static func markdown(_ table: DataTable) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        var text = line(table.columns.map(\.title))
        text += "|" + table.columns.map { _ in " --- |" }.joined() + "\n"
        for row in table.rows {
            text += line(zip(table.columns, row).map { $1.text(as: $0.format) })
        }
        if !table.notes.isEmpty { text += "\n" + table.notes.map { $0 + "\n" }.joined() }
        return text
    }

    private static func csv(_ table: DataTable) -> String {
        // A column holding an interval becomes two: KEY_lower and KEY_upper.
        let split = table.columns.indices.map { column in
            table.rows.contains { if case .interval = $0[column] { true } else { false } }
        }
        var header: [String] = []
        for (column, isSplit) in zip(table.columns, split) {
            header += isSplit ? [column.key + "_lower", column.key + "_upper"] : [column.key]
        }
        var lines = [header.map(field).joined(separator: ",")]
        for row in table.rows {
            var cells: [String] = []
            for (cell, isSplit) in zip(row, split) {
                switch cell {
                case .interval(let lower, let upper): cells += [number(lower), number(upper)]
                default: cells += isSplit ? [value(cell), ""] : [value(cell)]
                }
            }
            lines.append(cells.map(field).joined(separator: ","))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// A cell's value for CSV: numbers at full precision, bools as `true`/`false`, nothing as empty.
    private static func value(_ cell: TableCell) -> String {
        switch cell {
        case .none: ""
        case .bool(let flag): flag ? "true" : "false"
        case .int(let count): String(count)
        case .number(let measured): number(measured)
        case .text(let text): text
        case .interval(let lower, let upper): number(lower) + " " + number(upper)
        }
    }

    private static func number(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
