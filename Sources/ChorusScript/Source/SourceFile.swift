/// A named piece of script text: a file, one REPL input, or a pipe's statements.
public struct SourceFile: Sendable, Hashable {
    /// The name shown in diagnostics: a path, `<input>`, or `<stdin>`.
    public let name: String
    /// The whole text, as typed or read.
    public let text: String
    /// The text as user-perceived characters, the unit of offsets and columns.
    public let characters: [Character]
    /// The line number of the text's first line (above 1 for a chunk of a longer input, such as a pipe).
    public let firstLine: Int
    private let lineStarts: [Int]

    /// Creates a source from its name and text; `firstLine` numbers a chunk that starts part-way into its input.
    public init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
        self.characters = Array(text)
        var starts = [0]
        for (offset, character) in characters.enumerated() where character.isNewline {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The number of lines, counting a last line without a newline.
    public var lineCount: Int { lineStarts.count }

    /// The line number after this source's last line: where a following chunk starts.
    public var nextLine: Int { firstLine + lineStarts.count - (characters.last?.isNewline == true ? 1 : 0) }

    /// The location of a character offset (1-based line and column).
    public func location(at offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, characters.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(offset: clamped, line: low + firstLine, column: clamped - lineStarts[low] + 1)
    }

    /// The text of a 1-based line, without its newline.
    public func lineText(_ number: Int) -> String {
        let line = number - firstLine + 1
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : characters.count
        while end > start, characters[end - 1].isNewline { end -= 1 }
        return String(characters[start..<end])
    }

    /// The text covered by a range.
    public func text(in range: SourceRange) -> String {
        let start = max(0, min(range.start.offset, characters.count))
        let end = max(start, min(range.end.offset, characters.count))
        return String(characters[start..<end])
    }
}
