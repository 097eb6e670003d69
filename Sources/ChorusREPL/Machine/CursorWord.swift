/// The word a cursor is in or after, found in a cell's code as the REPL finds it on its line.
///
/// Offsets count Unicode code points, as Jupyter's complete and inspect requests do.
public struct CursorWord: Sendable, Equatable {
    /// The word.
    public var text: String
    /// Where the word starts in the code.
    public var start: Int
    /// Where the word ends.
    public var end: Int
    /// The cursor's line before the word: what the completer reads to know the command and the
    /// label being typed.
    public var lineBefore: String

    /// Characters that end a word for completion, as on the REPL's line: `/` and `.` stay inside
    /// words so paths complete whole.
    static let completionBreaks: Set<Unicode.Scalar> = Set(" \t\n\"'([{,=:?".unicodeScalars)

    /// The word that ends at the cursor (possibly empty): what Tab replaces.
    public static func completing(_ code: String, cursor: Int) -> CursorWord {
        let scalars = Array(code.unicodeScalars)
        let end = min(max(cursor, 0), scalars.count)
        var start = end
        while start > 0, !completionBreaks.contains(scalars[start - 1]) { start -= 1 }
        return CursorWord(scalars, start: start, end: end)
    }

    /// The name the cursor is in or just after (letters, digits and `_`); nil when there is none.
    public static func inspecting(_ code: String, cursor: Int) -> CursorWord? {
        let scalars = Array(code.unicodeScalars)
        let position = min(max(cursor, 0), scalars.count)
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        }
        var start = position
        while start > 0, isNameScalar(scalars[start - 1]) { start -= 1 }
        var end = position
        while end < scalars.count, isNameScalar(scalars[end]) { end += 1 }
        guard start < end else { return nil }
        return CursorWord(scalars, start: start, end: end)
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }
}

extension CursorWord {
    /// The word `scalars[start..<end]`, with its line's text before it.
    fileprivate init(_ scalars: [Unicode.Scalar], start: Int, end: Int) {
        var lineStart = start
        while lineStart > 0, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        self.init(
            text: Self.string(scalars[start..<end]), start: start, end: end,
            lineBefore: Self.string(scalars[lineStart..<start]))
    }
}
