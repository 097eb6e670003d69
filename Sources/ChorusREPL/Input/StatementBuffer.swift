import ChorusScript

/// Gathers input lines until they make a whole statement (balanced brackets, closed strings, no trailing `\`).
///
/// Each line is lexed once, from where the previous one left off, so a statement of 8,000 lines
/// through a pipe is read in linear time, as `chorus run` reads it.
public struct StatementBuffer: Sendable {
    private var lines: [String] = []
    private var state = Lexer.Continuation()

    /// Creates an empty buffer.
    public init() {}

    /// Whether a statement is partly typed.
    public var isEmpty: Bool { lines.isEmpty }

    /// Adds a line (a pasted prompt in front of it is dropped); returns the whole statement once it is complete.
    public mutating func append(_ line: String) -> String? {
        let stripped = Prompt.stripped(line)
        lines.append(stripped)
        state = Lexer.continuation(after: stripped, from: state)
        if state.needsMoreInput { return nil }
        let text = lines.joined(separator: "\n")
        clear()
        return text
    }

    /// Drops a half-typed statement.
    public mutating func clear() {
        lines.removeAll()
        state = Lexer.Continuation()
    }

    /// The lines gathered so far, joined.
    public var pendingText: String { lines.joined(separator: "\n") }
}
