/// Finds the final answer in a model's full response (never in the prompt: it is given the response alone).
///
/// Rules, in order of preference (each can be switched off in `ExtractionOptions`): the last
/// complete, non-empty `\boxed{…}` / `\fbox{…}` (braces matched, so nesting is kept whole; also
/// `\boxed 5`); the last `<answer>…</answer>`; GSM8K's `#### N`; "the answer is …" / "final answer:
/// …" up to the end of the sentence; and last, the last number in the response.
public struct AnswerExtractor: Sendable {
    /// The rules in use.
    public let options: ExtractionOptions

    /// Creates an extractor.
    public init(options: ExtractionOptions = .init()) {
        self.options = options
    }

    /// The answer in `response`, or `nil` when no rule finds one.
    public func extract(from response: String) -> ExtractedAnswer? {
        var copy = response
        return copy.withUTF8 { extract(bytes: $0) }
    }

    /// The answer in the UTF-8 `bytes` of a response, or `nil` when no rule finds one.
    public func extract(bytes: UnsafeBufferPointer<UInt8>) -> ExtractedAnswer? {
        if options.answerTagFirst, options.answerTag, let range = Self.lastAnswerTag(bytes) {
            if options.boxed, let box = Self.lastBoxed(UnsafeBufferPointer(rebasing: bytes[range])) {
                return Self.answer(bytes, (range.lowerBound + box.lowerBound)..<(range.lowerBound + box.upperBound), .answerTag)
            }
            return Self.answer(bytes, range, .answerTag)
        }
        if options.boxed, let range = Self.lastBoxed(bytes) {
            return Self.answer(bytes, range, .boxed)
        }
        if options.answerTag, let range = Self.lastAnswerTag(bytes) {
            return Self.answer(bytes, range, .answerTag)
        }
        if options.hashes, let range = Self.lastHashes(bytes) {
            return Self.answer(bytes, range, .hashes)
        }
        if options.phrase, let range = Self.lastPhrase(bytes) {
            return Self.answer(bytes, range, .phrase)
        }
        if options.lastNumber, let range = Self.lastNumber(bytes) {
            return Self.answer(bytes, range, .lastNumber)
        }
        return nil
    }

    private static func answer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                               _ method: ExtractionMethod) -> ExtractedAnswer {
        ExtractedAnswer(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self),
                        method: method)
    }

    /// `range` without surrounding white space; `nil` when nothing is left.
    private static func nonEmpty(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var start = range.lowerBound, end = range.upperBound
        while start < end, ByteClass.isSpace(bytes[start]) { start += 1 }
        while end > start, ByteClass.isSpace(bytes[end - 1]) { end -= 1 }
        return start < end ? start..<end : nil
    }

    // MARK: Boxes

    /// The content of the last complete, non-empty box; an unclosed or empty box defers to the one before.
    static func lastBoxed(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var k = bytes.count - 1
        while k >= 0 {
            defer { k -= 1 }
            guard bytes[k] == .backslash else { continue }
            let nameEnd: Int
            if ByteClass.hasPrefix(bytes, at: k + 1, "boxed") {
                nameEnd = k + 6
            } else if ByteClass.hasPrefix(bytes, at: k + 1, "fbox") {
                nameEnd = k + 5
            } else {
                continue
            }
            var start = nameEnd
            while start < bytes.count, bytes[start] == .space { start += 1 }
            guard start < bytes.count else { continue }
            if bytes[start] == .openBrace {
                guard let close = BraceMatcher.closingBrace(in: bytes, openingAt: start),
                      let content = nonEmpty(bytes, (start + 1)..<close) else { continue }
                return content
            }
            // `\boxed 5`: one bare argument, up to white space or `$`.
            guard start > nameEnd else { continue }
            var end = start
            while end < bytes.count, !ByteClass.isSpace(bytes[end]), bytes[end] != .dollar { end += 1 }
            while end > start, bytes[end - 1] == .period || bytes[end - 1] == .comma || bytes[end - 1] == .semicolon {
                end -= 1
            }
            if let content = nonEmpty(bytes, start..<end) { return content }
        }
        return nil
    }

    // MARK: Tags, hashes, phrases

    /// The content of the last `<answer>`, up to `</answer>` or the end of the response.
    static func lastAnswerTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var k = bytes.count - 8
        var end = bytes.count
        while k >= 0 {
            if bytes[k] == .less {
                if ByteClass.hasPrefixIgnoringCase(bytes, at: k, "</answer>") {
                    end = k
                } else if ByteClass.hasPrefixIgnoringCase(bytes, at: k, "<answer>") {
                    if let content = nonEmpty(bytes, (k + 8)..<max(end, k + 8)) { return content }
                    end = k
                }
            }
            k -= 1
        }
        return nil
    }

    /// The rest of the line after the last `####`.
    static func lastHashes(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var k = bytes.count - 4
        while k >= 0 {
            if bytes[k] == .hash, ByteClass.hasPrefix(bytes, at: k, "####") {
                var start = k + 4
                while start < bytes.count, bytes[start] == .hash { start += 1 }
                var end = start
                while end < bytes.count, bytes[end] != .newline { end += 1 }
                return nonEmpty(bytes, start..<end)
            }
            k -= 1
        }
        return nil
    }

    /// The text after the last "the answer is" / "answer is" / "answer:" (any case), to the end of the sentence.
    static func lastPhrase(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var k = bytes.count - 6
        while k >= 0 {
            defer { k -= 1 }
            guard ByteClass.lowercased(bytes[k]) == UInt8(ascii: "a"),
                  ByteClass.hasPrefixIgnoringCase(bytes, at: k, "answer"),
                  k == 0 || !ByteClass.isLetter(bytes[k - 1]) else { continue }
            var start = k + 6
            while start < bytes.count, bytes[start] == .space || bytes[start] == .asterisk { start += 1 }
            if ByteClass.hasPrefixIgnoringCase(bytes, at: start, "is") {
                start += 2
            } else if start < bytes.count, bytes[start] == .colon {
                start += 1
            } else {
                continue
            }
            while start < bytes.count,
                  bytes[start] == .space || bytes[start] == .colon || bytes[start] == .asterisk {
                start += 1
            }
            var end = start
            while end < bytes.count {
                let b = bytes[end]
                if b == .newline { break }
                if b == .period, end + 1 == bytes.count || ByteClass.isSpace(bytes[end + 1]) { break }
                end += 1
            }
            while end > start, bytes[end - 1] == .asterisk { end -= 1 }
            if let content = nonEmpty(bytes, start..<end) { return content }
        }
        return nil
    }

    /// The last number: digits with inner `,` `.` `/`, and a leading minus sign.
    static func lastNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var end = bytes.count
        while end > 0, !ByteClass.isDigit(bytes[end - 1]) { end -= 1 }
        guard end > 0 else { return nil }
        var start = end - 1
        while start > 0 {
            let b = bytes[start - 1]
            if ByteClass.isDigit(b) {
                start -= 1
            } else if b == .period || b == .comma || b == .slash, start >= 2, ByteClass.isDigit(bytes[start - 2]) {
                start -= 1
            } else {
                break
            }
        }
        if let fraction = enclosingFraction(bytes, denominator: start..<end) { return fraction }
        if start > 0, bytes[start - 1] == .minus { start -= 1 }
        return start..<end
    }

    /// The whole `\frac{a}{b}` (or `\dfrac`, `\tfrac`) when `denominator` is its `b`: a response that
    /// ends "so we get \frac{28}{9}" answers 28/9, not 9.
    static func enclosingFraction(_ bytes: UnsafeBufferPointer<UInt8>, denominator: Range<Int>) -> Range<Int>? {
        guard denominator.upperBound < bytes.count, bytes[denominator.upperBound] == .closeBrace,
            denominator.lowerBound >= 2, bytes[denominator.lowerBound - 1] == .openBrace,
            bytes[denominator.lowerBound - 2] == .closeBrace
        else { return nil }
        var depth = 0
        var index = denominator.lowerBound - 2
        while index >= 0 {
            if bytes[index] == .closeBrace { depth += 1 }
            if bytes[index] == .openBrace {
                depth -= 1
                if depth == 0 { break }
            }
            index -= 1
        }
        guard index > 0 else { return nil }
        for command in ["\\frac", "\\dfrac", "\\tfrac"] {
            let name = Array(command.utf8)
            guard index >= name.count else { continue }
            if Array(bytes[(index - name.count)..<index]) == name {
                var start = index - name.count
                if start > 0, bytes[start - 1] == .minus { start -= 1 }
                return start..<(denominator.upperBound + 1)
            }
        }
        return nil
    }
}
