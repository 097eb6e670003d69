/// A table of typed cells (counts as ints, accuracies as numbers, answers as text) with notes that
/// say what its rows mean. The data stays apart from its rendering: ``rendered`` is one view of it
/// (aligned plain text, the same on a terminal, in a pipe and in a golden file).
public struct DataTable: Sendable, Equatable {
    /// The columns, in order.
    public var columns: [TableColumn]
    /// The rows, each a cell per column.
    public var rows: [[TableCell]]
    /// Lines printed under the table: a legend, a count, a caveat.
    public var notes: [String]

    /// Creates a table; a row shorter than the columns is padded with `none`.
    public init(columns: [TableColumn], rows: [[TableCell]], notes: [String] = []) {
        self.columns = columns
        self.rows = rows.map {
            $0.count < columns.count ? $0 + Array(repeating: .none, count: columns.count - $0.count) : $0
        }
        self.notes = notes
    }

    /// The cells as text, laid out in aligned columns.
    public var textTable: TextTable {
        TextTable(
            header: columns.map(\.title),
            rows: rows.map { row in zip(columns, row).map { column, cell in cell.text(as: column.format) } })
    }

    /// The table as text: header, a rule, the rows, then the notes; each line ends with a newline.
    public var rendered: String {
        textTable.rendered + notes.map { $0 + "\n" }.joined()
    }

    /// The table without the columns at `indices` where no row has a value (costs of hand-made
    /// samples, say); the other columns are always kept.
    public func droppingEmptyColumns(among indices: some Sequence<Int>) -> DataTable {
        let droppable = Set(indices)
        let kept = columns.indices.filter { column in
            !droppable.contains(column) || rows.contains { !$0[column].isNone }
        }
        return DataTable(
            columns: kept.map { columns[$0] }, rows: rows.map { row in kept.map { row[$0] } }, notes: notes)
    }
}
