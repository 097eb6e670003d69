/// A table of text cells in aligned columns, the same on a terminal, in a pipe, and in a golden file.
public struct TextTable: Sendable, Equatable {
    /// Column titles.
    public var header: [String]
    /// Rows of cells; short rows are padded with empty cells.
    public var rows: [[String]]

    /// Creates a table.
    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The table as lines: header, a rule, then the rows; each line ends with a newline.
    public var rendered: String { render(includingHeader: true) }

    /// Only the rows, aligned as they would be under the header.
    public var renderedRows: String { render(includingHeader: false) }

    private func render(includingHeader: Bool) -> String {
        let columnCount = max(header.count, rows.map(\.count).max() ?? 0)
        func cell(_ row: [String], _ column: Int) -> String { column < row.count ? row[column] : "" }
        let widths = (0..<columnCount).map { column in
            max(1, ([header] + rows).map { cell($0, column).count }.max() ?? 0)
        }
        func line(_ row: [String]) -> String {
            let cells = (0..<columnCount).map { column -> String in
                let text = cell(row, column)
                guard column < columnCount - 1 else { return text }
                return text + String(repeating: " ", count: widths[column] - text.count)
            }
            var joined = cells.joined(separator: "  ")
            while joined.last == " " { joined.removeLast() }
            return joined + "\n"
        }
        let rule = widths.map { String(repeating: "-", count: $0) }
        let body = rows.map(line).joined()
        return includingHeader ? line(header) + line(rule) + body : body
    }
}
