/// What reading one line gave.
public enum LineReadResult: Sendable, Equatable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C while typing: drop the half-typed statement.
    case interrupted
    /// Ctrl-D or the end of the input.
    case endOfInput
}

/// Reads input lines: libedit on a terminal, plain reads on a pipe.
public protocol LineReader {
    /// Shows the prompt (if any) and reads one line.
    mutating func readLine(prompt: String) -> LineReadResult
    /// Remembers a line for Up-arrow recall and the history file.
    mutating func addToHistory(_ line: String)
}

/// Reads standard input without a prompt or line editing: for pipes and files.
public struct PlainLineReader: LineReader {
    /// Creates a reader over standard input.
    public init() {}

    public mutating func readLine(prompt: String) -> LineReadResult {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    public mutating func addToHistory(_ line: String) {}
}
