/// The engine's entry points for the fuzzers of `scripts/fuzz` and for replaying what they found.
///
/// Each takes arbitrary bytes and must return (never trap, overflow the stack or hang) whatever they hold;
/// `Tests/Fixtures/fuzz/<target>/` keeps every input that once failed that promise.
public enum FuzzEntryPoints {
    /// Grades the bytes as `gold` (the first line) and a response (the rest), both ways round.
    public static func grade(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let (gold, response) = splitAtFirstNewline(text)
        let grader = Grader()
        _ = grader.grade(response: response, gold: gold)
        _ = grader.grade(response: gold, gold: response)
        if let a = AnswerParser.parse(gold), let b = AnswerParser.parse(response) {
            _ = AnswerEquivalence().areEquivalent(a, b)
            _ = (a.canonicalKey, b.canonicalKey)
        }
    }

    /// Reads the bytes as one JSON row, as `load` and `import` read each line.
    public static func jsonRow(_ bytes: [UInt8]) {
        _ = try? JSONRowParser.parse(bytes: bytes)
        if let value = try? JSONRowParser.parse(String(decoding: bytes, as: UTF8.self)) { _ = value.jsonText }
    }

    /// Reads the bytes as a server's response, whole and then fed in pieces of 7 bytes, with a 1 MiB body limit.
    public static func httpResponse(_ bytes: [UInt8]) {
        let limits = HTTPResponseParser.Limits(maxBodyBytes: 1 << 20)
        _ = try? HTTPResponseParser.parse(bytes, limits: limits)
        var parser = HTTPResponseParser(limits: limits)
        var start = 0
        do {
            while start < bytes.count {
                let end = min(start + 7, bytes.count)
                if try parser.feed(bytes[start..<end]) != nil { return }
                start = end
            }
            _ = try parser.finish()
        } catch {
            // A failure is an answer too: only a trap, a hang or unbounded memory is a finding.
        }
    }

    private static func splitAtFirstNewline(_ text: String) -> (String, String) {
        guard let newline = text.firstIndex(of: "\n") else { return (text, "") }
        return (String(text[..<newline]), String(text[text.index(after: newline)...]))
    }
}
