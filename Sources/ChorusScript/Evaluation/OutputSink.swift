/// Where a session writes what the user sees: results to standard output, problems to standard error.
public protocol OutputSink: Sendable {
    /// Writes results and ordinary output.
    func write(_ text: String)
    /// Writes diagnostics and status messages.
    func writeError(_ text: String)
    /// Whether ANSI colour may be used.
    var usesColour: Bool { get }
    /// Shows (or, with nil, clears) a one-line progress report; only a terminal shows it.
    func progress(_ line: String?)
}

extension OutputSink {
    public func progress(_ line: String?) {}
}
