/// The REPL's prompt text, shared by the prompt, `--echo`, and pasting transcripts back in.
public enum Prompt {
    /// The prompt before a statement: `chorus[3]> `.
    public static func primary(number: Int) -> String { "chorus[\(number)]> " }

    /// The prompt on the continuation lines of an unfinished statement.
    public static let continuation = "     ...> "

    /// A line with a leading prompt (`chorus[3]> `, `chorus> `, `...> `) removed, so transcripts paste as they are.
    public static func stripped(_ line: String) -> String {
        var rest = Substring(line)
        while rest.first == " " { rest.removeFirst() }
        if rest.hasPrefix("chorus") {
            var after = rest.dropFirst("chorus".count)
            if after.first == "[" {
                after = after.dropFirst()
                let digits = after.prefix { $0.isASCII && $0.isNumber }
                after = after.dropFirst(digits.count)
                guard !digits.isEmpty, after.first == "]" else { return line }
                after = after.dropFirst()
            }
            guard after.hasPrefix(">") else { return line }
            after = after.dropFirst()
            if after.first == " " { after = after.dropFirst() }
            return String(after)
        }
        if rest.hasPrefix("...>") {
            var after = rest.dropFirst(4)
            if after.first == " " { after = after.dropFirst() }
            return String(after)
        }
        return line
    }
}
