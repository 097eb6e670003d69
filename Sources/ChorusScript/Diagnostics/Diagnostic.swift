/// A message about the user's script or input, pointing at where it happened.
///
/// The one error type for everything the user can fix: parse errors, unknown
/// commands, bad arguments and runtime errors. Internal failures use
/// ``InternalError`` instead.
public struct Diagnostic: Error, Sendable, Equatable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable {
        case error
        case warning
        case note
    }

    /// How serious it is.
    public var severity: Severity
    /// What went wrong, in one sentence.
    public var message: String
    /// The source the range points into, when known.
    public var source: SourceFile?
    /// The exact span to underline.
    public var range: SourceRange?
    /// What to do about it.
    public var hint: String?
    /// Further facts, each printed on its own line.
    public var notes: [String]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error,
        _ message: String,
        source: SourceFile? = nil,
        range: SourceRange? = nil,
        hint: String? = nil,
        notes: [String] = []
    ) {
        self.severity = severity
        self.message = message
        self.source = source
        self.range = range
        self.hint = hint
        self.notes = notes
    }

    /// The location `name:line:column` this diagnostic points at.
    public var locationText: String? {
        guard let source else { return nil }
        guard let range else { return source.name }
        return "\(source.name):\(range.start.line):\(range.start.column)"
    }
}

/// A failure inside Chorus itself, not caused by the user's input (exit code 70).
public struct InternalError: Error, Sendable, CustomStringConvertible {
    /// What broke.
    public let message: String

    /// Creates an internal error.
    public init(_ message: String) { self.message = message }

    public var description: String { "internal error: \(message)" }
}
