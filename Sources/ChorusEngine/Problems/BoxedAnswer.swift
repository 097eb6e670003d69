/// Finds the answer a LaTeX solution marks with `\boxed{…}` or `\fbox{…}`.
public enum BoxedAnswer {
    /// The content of the last `\boxed{…}` or `\fbox{…}` in `text`, with nested braces matched, or nil.
    ///
    /// "Last" is the group whose command starts last. Escaped braces (`\{`, `\}`) do not count
    /// towards matching. An unclosed last group gives nil rather than an earlier, possibly wrong, one.
    public static func lastBoxedContent(in text: String) -> String? {
        let bytes = Array(text.utf8)
        var candidate: Int?
        var position = 0
        while position < bytes.count {
            if bytes[position] == backslash, let open = groupOpening(in: bytes, commandAt: position) {
                candidate = open
                position = open
            }
            position += 1
        }
        guard let open = candidate else { return nil }
        var depth = 0
        var index = open
        while index < bytes.count {
            switch bytes[index] {
            case backslash:
                index += 1
            case openBrace:
                depth += 1
            case closeBrace:
                depth -= 1
                if depth == 0 { return String(decoding: bytes[(open + 1)..<index], as: UTF8.self) }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    private static let backslash = UInt8(ascii: "\\")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let commands = [Array("boxed".utf8), Array("fbox".utf8)]

    /// The index of the `{` that opens a `\boxed` or `\fbox` group whose backslash is at `start`.
    private static func groupOpening(in bytes: [UInt8], commandAt start: Int) -> Int? {
        for command in commands {
            let end = start + 1 + command.count
            guard end <= bytes.count, bytes[(start + 1)..<end].elementsEqual(command) else { continue }
            var index = end
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            if index < bytes.count, bytes[index] == openBrace { return index }
        }
        return nil
    }
}
