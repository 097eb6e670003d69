/// One statement of a session as it ran: its text and every part of output it showed.
///
/// A session keeps a cell for each statement it ran (failed ones too, with their diagnostics), so
/// the session can be written as a notebook or a report without running anything again.
public struct SessionCell: Sendable, Equatable {
    /// Whether a cell is code or prose.
    public enum Kind: String, Sendable {
        /// A statement, with its output.
        case code
        /// Prose: a block of `#` comment lines of a script, as Markdown.
        case markdown
    }

    /// How the statement ended.
    public enum Outcome: String, Sendable {
        /// It ran to completion.
        case succeeded
        /// A parse or runtime error in the script.
        case failed
        /// A failure inside Chorus.
        case internalError
        /// Ctrl-C (or a kernel's interrupt) stopped it.
        case interrupted
    }

    /// Code or prose.
    public var kind: Kind
    /// The statement's text as written (for prose, the comment text without its `#`).
    public var source: String
    /// The result number the statement got (`_N`), when it was recorded.
    public var number: Int?
    /// How the statement ended; prose always succeeds.
    public var outcome: Outcome
    /// What it showed, in order; progress is never kept.
    public var parts: [OutputPart]

    /// Creates a cell.
    public init(kind: Kind = .code, source: String, number: Int? = nil, outcome: Outcome, parts: [OutputPart] = []) {
        self.kind = kind
        self.source = source
        self.number = number
        self.outcome = outcome
        self.parts = parts
    }
}
