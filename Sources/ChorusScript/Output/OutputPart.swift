import ChorusEngine

/// One piece of what a statement shows: produced once by the engine and the commands, and rendered
/// by whichever front end shows it (the terminal, a notebook or report, the Jupyter kernel).
///
/// Commands never format for one front end: a table stays a ``DataTable`` of typed cells, a plot
/// keeps its SVG, a diagnostic keeps its source range. ``plainText`` is the terminal's rendering
/// without colour, the one every front end can fall back to.
public enum OutputPart: Sendable, Equatable {
    /// Ordinary output: a statement's value written as text, a printed line.
    case text(String)
    /// A message about the work rather than its result: `sampled 8 …`, `plot: wrote FILE`, `time: 2 s`.
    /// A terminal writes it to standard error.
    case status(String)
    /// A table of typed cells, with its notes.
    case table(DataTable)
    /// A plot: its SVG and the table of the numbers it draws.
    case plot(PlotOutput)
    /// An error, a warning or a note about the script, with its source range.
    case diagnostic(Diagnostic)
    /// A one-line progress report while work runs; nil clears it. Never kept in a cell.
    case progress(String?)

    /// The part as plain text, as a terminal without colour shows it; empty for progress.
    public var plainText: String {
        switch self {
        case .text(let text), .status(let text): text
        case .table(let table): table.rendered
        case .plot(let plot): plot.table.rendered
        case .diagnostic(let diagnostic): DiagnosticRenderer(usesColour: false).render(diagnostic)
        case .progress: ""
        }
    }

    /// Whether a terminal writes the part to standard error rather than standard output.
    public var isStatus: Bool {
        switch self {
        case .status, .diagnostic, .progress: true
        case .text, .table, .plot: false
        }
    }
}
