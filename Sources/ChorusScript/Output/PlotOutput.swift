import ChorusEngine

/// A plot as an output part: the SVG a notebook shows inline and the numbers a terminal shows.
public struct PlotOutput: Sendable, Equatable {
    /// The plot's title.
    public var title: String
    /// The whole SVG document: self-contained, deterministic for the same data.
    public var svg: String
    /// The numbers the plot draws, as the terminal prints them.
    public var table: DataTable
    /// The file the SVG was also written to, when `file:` was given.
    public var file: String?

    /// Creates a plot part.
    public init(title: String, svg: String, table: DataTable, file: String? = nil) {
        self.title = title
        self.svg = svg
        self.table = table
        self.file = file
    }
}
