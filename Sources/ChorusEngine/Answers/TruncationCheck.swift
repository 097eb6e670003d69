/// Whether a response was cut off before it finished its answer.
///
/// A response is truncated when its finish reason is `length` (the model hit `max_tokens`), or
/// when it ends inside an unclosed `\boxed{` / `\fbox{`, or inside an `<answer>` tag that never
/// closes while the finish reason is not `stop` (a server removes a `</answer>` stop sequence from
/// the text it returns, so a stopped response may lack the closing tag and still be whole).
public enum TruncationCheck {
    /// Whether `response`, which finished for `finishReason` (nil when unknown), was cut off.
    public static func isTruncated(_ response: String, finishReason: String?) -> Bool {
        if finishReason == "length" { return true }
        let bytes = Array(response.utf8)
        if endsInsideBox(bytes) { return true }
        return finishReason != "stop" && endsInsideAnswerTag(bytes)
    }

    /// Whether the text ends inside a `\boxed{` or `\fbox{` whose braces never close.
    public static func endsInsideBox(_ bytes: [UInt8]) -> Bool {
        // Scanning from the start keeps one depth per open box; `\{` and `\}` do not count.
        var openBoxDepths: [Int] = []
        var depth = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x5C {  // backslash
                if matches(bytes, at: index, "\\boxed{") || matches(bytes, at: index, "\\fbox{") {
                    let length = bytes[index + 1] == 0x62 ? 7 : 6
                    depth += 1
                    openBoxDepths.append(depth)
                    index += length
                    continue
                }
                index += 2  // an escaped character, `\{` and `\}` included
                continue
            }
            if byte == 0x7B {
                depth += 1
            } else if byte == 0x7D, depth > 0 {
                if openBoxDepths.last == depth { openBoxDepths.removeLast() }
                depth -= 1
            }
            index += 1
        }
        return !openBoxDepths.isEmpty
    }

    /// Whether the last `<answer>` (any case) has no `</answer>` after it.
    public static func endsInsideAnswerTag(_ bytes: [UInt8]) -> Bool {
        var lastOpen: Int?
        var lastClose: Int?
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x3C {
                if matchesIgnoringCase(bytes, at: index, "<answer>") { lastOpen = index }
                else if matchesIgnoringCase(bytes, at: index, "</answer>") { lastClose = index }
            }
            index += 1
        }
        guard let open = lastOpen else { return false }
        return (lastClose ?? -1) < open
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for offset in 0..<count where bytes[index + offset] != buffer[offset] { return false }
            return true
        }
    }

    private static func matchesIgnoringCase(_ bytes: [UInt8], at index: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for offset in 0..<count {
                var byte = bytes[index + offset]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != buffer[offset] { return false }
            }
            return true
        }
    }
}
