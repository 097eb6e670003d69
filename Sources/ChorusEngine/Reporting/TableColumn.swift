/// A column of a ``DataTable``: the title a terminal shows, the key a script reads, and the format.
public struct TableColumn: Sendable, Equatable {
    /// The heading shown above the column (`acc %`).
    public var title: String
    /// The field name of the column in a row record (`acc`); a word a script can write as `row.acc`.
    public var key: String
    /// How its cells are written on a terminal.
    public var format: CellFormat

    /// Creates a column; the key defaults to the title.
    public init(_ title: String, key: String? = nil, format: CellFormat = .plain) {
        self.title = title
        self.key = key ?? title
        self.format = format
    }
}
