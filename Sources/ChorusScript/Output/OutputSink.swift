/// Where a session's output goes: a front end that renders ``OutputPart``s.
///
/// A front end may implement ``emit(_:)`` to render each part its own way (the kernel sends parts as
/// JSON); the default renders them for a terminal through ``write(_:)``, ``writeError(_:)``,
/// ``progress(_:)`` and ``diagnostic(_:)``. Commands call ``emit(_:)`` (or the text shorthands,
/// which emit `.text` and `.status` parts).
public protocol OutputSink: Sendable {
    /// Shows one part of a statement's output.
    func emit(_ part: OutputPart)
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
    /// Whether progress lines are shown as they change (a terminal): model runs then stream their
    /// requests to show the text coming; false by default.
    var showsProgress: Bool { get }
    /// Reports an error, a warning or a note; a front end may show it its own way.
    func diagnostic(_ diagnostic: Diagnostic)
}

extension OutputSink {
    /// Renders a part for a terminal: results on standard output, status, diagnostics and progress
    /// on standard error.
    public func emit(_ part: OutputPart) {
        switch part {
        case .text(let text): write(text)
        case .status(let text): writeError(text)
        case .table, .plot: write(part.plainText)
        case .diagnostic(let diagnostic): self.diagnostic(diagnostic)
        case .progress(let line): progress(line)
        }
    }

    /// Shows each part in order.
    public func emit(_ parts: [OutputPart]) {
        for part in parts { emit(part) }
    }

    public func progress(_ line: String?) {}

    public var showsProgress: Bool { false }

    public var terminalWidth: Int? { nil }

    /// Renders the diagnostic as text on the error stream, as a terminal and a transcript show it.
    public func diagnostic(_ diagnostic: Diagnostic) {
        writeError(DiagnosticRenderer(usesColour: usesColour).render(diagnostic))
    }
}
