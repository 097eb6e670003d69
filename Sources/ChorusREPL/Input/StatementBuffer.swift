import ChorusScript

/// Gathers input lines until they make a whole statement (balanced brackets, closed strings, no trailing `\`).
public struct StatementBuffer: Sendable {
    private var lines: [String] = []

    /// Creates an empty buffer.
    public init() {}

    /// Whether a statement is partly typed.
    public var isEmpty: Bool { lines.isEmpty }

    /// Adds a line (a pasted prompt in front of it is dropped); returns the whole statement once it is complete.
    public mutating func append(_ line: String) -> String? {
        lines.append(Prompt.stripped(line))
        let text = lines.joined(separator: "\n")
        if Lexer.needsMoreInput(text) { return nil }
        lines.removeAll()
        return text
    }

    /// Drops a half-typed statement.
    public mutating func clear() { lines.removeAll() }

    /// The lines gathered so far, joined.
    public var pendingText: String { lines.joined(separator: "\n") }
}
