import Synchronization

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
    /// Reports an error, a warning or a note; a front end may show it its own way.
    func diagnostic(_ diagnostic: Diagnostic)
}

extension OutputSink {
    public func progress(_ line: String?) {}

    /// Renders the diagnostic as text on the error stream, as a terminal and a transcript show it.
    public func diagnostic(_ diagnostic: Diagnostic) {
        writeError(DiagnosticRenderer(usesColour: usesColour).render(diagnostic))
    }
}

/// Output kept in memory, for tests and for golden transcripts.
public final class CapturedOutput: OutputSink {
    private let state = Mutex<(output: String, error: String, combined: String)>(("", "", ""))

    /// Creates an empty capture.
    public init() {}

    public var usesColour: Bool { false }

    public func write(_ text: String) {
        state.withLock {
            $0.output += text
            $0.combined += text
        }
    }

    public func writeError(_ text: String) {
        state.withLock {
            $0.error += text
            $0.combined += text
        }
    }

    /// Everything written to standard output.
    public var output: String { state.withLock { $0.output } }
    /// Everything written to standard error.
    public var error: String { state.withLock { $0.error } }
    /// Both streams interleaved in the order written.
    public var combined: String { state.withLock { $0.combined } }
}
