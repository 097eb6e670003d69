/// Where a session writes what the user sees: results to standard output, problems to standard error.
public protocol OutputSink: Sendable {
    /// Writes results and ordinary output.
    func write(_ text: String)
    /// Writes diagnostics and status messages.
    func writeError(_ text: String)
    /// Whether ANSI colour may be used.
    var usesColour: Bool { get }
    /// The width in columns of the terminal results go to; nil when they go to a pipe or a file.
    var terminalWidth: Int? { get }
    /// Shows (or, with nil, clears) a one-line progress report; only a terminal shows it.
    func progress(_ line: String?)
    /// Reports an error, a warning or a note; a front end may show it its own way.
    func diagnostic(_ diagnostic: Diagnostic)
}

extension OutputSink {
    public func progress(_ line: String?) {}

    public var terminalWidth: Int? { nil }

    /// Renders the diagnostic as text on the error stream, as a terminal and a transcript show it.
    public func diagnostic(_ diagnostic: Diagnostic) {
        writeError(DiagnosticRenderer(usesColour: usesColour).render(diagnostic))
    }
}
