/// Finds the final answer in a model's full response (never in the prompt: it is given the response alone).
///
/// Rules, in order of trust (each can be switched off in `ExtractionOptions`): the last complete,
/// non-empty `\boxed{…}` / `\fbox{…}` with the boxes joined to it; the last `<answer>…</answer>`;
/// GSM8K's `#### N`; the math or number inside a final-answer sentence ("The answer is …",
/// "Final Answer: The largest $n$ is 34."); the last math span taken whole; the whole response when
/// it is itself a short answer; and last, the last number that stands alone (not inside a word,
/// an exponent or a fraction). See `docs/grading.md`.
public struct AnswerExtractor: Sendable {
    /// The rules in use.
    public let options: ExtractionOptions

    /// The longest response taken whole as a short answer, in bytes.
    static let wholeResponseLimit = 100

    /// Creates an extractor.
    public init(options: ExtractionOptions = .all) {
        self.options = options
    }

    /// The answer in `response`, or `nil` when no rule finds one.
    public func extract(from response: String) -> ExtractedAnswer? {
        read(response).answer
    }

    /// The answer in the UTF-8 `bytes` of a response, or `nil` when no rule finds one.
    public func extract(bytes: UnsafeBufferPointer<UInt8>) -> ExtractedAnswer? {
        read(bytes: bytes).answer
    }

    /// Reads `response`: its answer, and whether it ends inside an unclosed box or answer tag.
    public func read(_ response: String) -> AnswerReading {
        var copy = response
        return copy.withUTF8 { read(bytes: $0) }
    }

    /// Reads the UTF-8 `bytes` of a response.
    public func read(bytes: UnsafeBufferPointer<UInt8>) -> AnswerReading {
        let boxes = BoxScanner(bytes)
        let tag = Self.lastAnswerTag(bytes)
        let cutOff = boxes.endsInsideBox || tag.unclosedAtEnd
        func found(_ text: String, _ method: ExtractionMethod) -> AnswerReading {
            AnswerReading(
                answer: ExtractedAnswer(text: text, method: method, endsInsideUnclosedAnswer: cutOff),
                endsInsideBox: boxes.endsInsideBox, endsInsideAnswerTag: tag.unclosedAtEnd)
        }
        func found(_ range: Range<Int>, _ method: ExtractionMethod) -> AnswerReading {
            found(Self.text(bytes, range), method)
        }
        if options.answerTagFirst, options.answerTag, let range = tag.content {
            if options.boxed {
                let inner = UnsafeBufferPointer(rebasing: bytes[range])
                let group = BoxScanner(inner).finalGroup(inner)
                if !group.isEmpty { return found(Self.joined(inner, group), .answerTag) }
            }
            return found(range, .answerTag)
        }
        if options.boxed {
            let group = boxes.finalGroup(bytes)
            if !group.isEmpty { return found(Self.joined(bytes, group), .boxed) }
        }
        if options.answerTag, let range = tag.content {
            return found(range, .answerTag)
        }
        if options.hashes, let range = Self.lastHashes(bytes) {
            return found(range, .hashes)
        }
        if options.phrase, let range = Self.lastPhrase(bytes) {
            return found(Self.answerInSentence(bytes, range), .phrase)
        }
        if options.mathSpan, let range = MathSpanScanner.lastSpan(bytes, in: 0..<bytes.count) {
            return found(range, .mathSpan)
        }
        if options.wholeResponse, let range = Self.shortAnswer(bytes) {
            return found(range, .wholeResponse)
        }
        if options.lastNumber, let range = Self.lastNumber(bytes) {
            return found(range, .lastNumber)
        }
        return AnswerReading(
            answer: nil, endsInsideBox: boxes.endsInsideBox, endsInsideAnswerTag: tag.unclosedAtEnd)
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Several boxes as one multi-answer: their contents joined by `, `.
    private static func joined(_ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> String {
        if ranges.count == 1 { return text(bytes, ranges[0]) }
        return ranges.map { text(bytes, $0) }.joined(separator: ", ")
    }

    /// Whether `range` reads as an answer: it parses, and holds no plain word (a sentence such as
    /// "the sum is 5" parses as math with unit words) unless it is a short text or number word.
    private static func parses(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let answer = AnswerParser.parse(bytes: UnsafeBufferPointer(rebasing: bytes[range])) else { return false }
        let words = wordCounts(bytes, range)
        if case .text = answer.value { return words.all <= 2 }
        return words.plain == 0 || (words.all == words.plain && words.all <= 2)
    }

    /// The words of `range` (letter runs not naming a command) and those that are not math words.
    private static func wordCounts(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (all: Int, plain: Int) {
        var all = 0
        var plain = 0
        var k = range.lowerBound
        while k < range.upperBound {
            guard ByteClass.isLetter(bytes[k]) else {
                k += 1
                continue
            }
            let commandName = k > range.lowerBound && bytes[k - 1] == .backslash
            var end = k
            while end < range.upperBound, ByteClass.isLetter(bytes[end]) { end += 1 }
            if !commandName {
                all += 1
                if end - k >= 2, !isMathWord(bytes, k..<end) { plain += 1 }
            }
            k = end
        }
        return (all, plain)
    }

    // MARK: Tags, hashes, phrases

    /// The content of the last non-empty `<answer>`, up to `</answer>` or the end of the response, and
    /// whether the last tag opens without closing (the response was cut off inside it).
    static func lastAnswerTag(_ bytes: UnsafeBufferPointer<UInt8>) -> (content: Range<Int>?, unclosedAtEnd: Bool) {
        var k = bytes.count - 8
        var end = bytes.count
        var unclosedAtEnd: Bool?
        while k >= 0 {
            if bytes[k] == .less {
                if ByteClass.hasPrefixIgnoringCase(bytes, at: k, "</answer>") {
                    if unclosedAtEnd == nil { unclosedAtEnd = false }
                    end = k
                } else if ByteClass.hasPrefixIgnoringCase(bytes, at: k, "<answer>") {
                    if unclosedAtEnd == nil { unclosedAtEnd = true }
                    if let content = BoxScanner.nonEmpty(bytes, (k + 8)..<max(end, k + 8)) {
                        return (content, unclosedAtEnd ?? false)
                    }
                    end = k
                }
            }
            k -= 1
        }
        return (nil, unclosedAtEnd ?? false)
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
                return BoxScanner.nonEmpty(bytes, start..<end)
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
                k == 0 || !ByteClass.isLetter(bytes[k - 1])
            else { continue }
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
                bytes[start] == .space || bytes[start] == .colon || bytes[start] == .asterisk
            {
                start += 1
            }
            var end = start
            var inMath = false
            while end < bytes.count {
                let b = bytes[end]
                if b == .newline { break }
                if b == .dollar { inMath.toggle() }
                if b == .period, !inMath, end + 1 == bytes.count || ByteClass.isSpace(bytes[end + 1]) { break }
                end += 1
            }
            while end > start, bytes[end - 1] == .asterisk { end -= 1 }
            if let content = BoxScanner.nonEmpty(bytes, start..<end) { return content }
        }
        return nil
    }

    /// The answer inside a final-answer sentence: the sentence itself when it is an answer (`34`,
    /// `$x = 5$`, `two`); else what follows its last "is" / "are" / "equals" outside math ("The
    /// largest $n$ is 34" gives `34`); else its last math span, whole; else the sentence.
    static func answerInSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ sentence: Range<Int>) -> Range<Int> {
        if parses(bytes, sentence) { return sentence }
        if let verb = lastVerb(bytes, sentence), let rest = BoxScanner.nonEmpty(bytes, verb..<sentence.upperBound) {
            if parses(bytes, rest) { return rest }
            if let span = MathSpanScanner.lastSpan(bytes, in: rest) { return span }
            return rest
        }
        return MathSpanScanner.lastSpan(bytes, in: sentence) ?? sentence
    }

    /// Just after the last " is " / " are " / " equals " / " was " / " be " outside math in `range`.
    private static func lastVerb(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var inMath = false
        var found: Int?
        var k = range.lowerBound
        while k < range.upperBound {
            let b = bytes[k]
            if b == .dollar {
                inMath.toggle()
            } else if !inMath, ByteClass.isLetter(b), k == range.lowerBound || !ByteClass.isLetter(bytes[k - 1]) {
                var end = k
                while end < range.upperBound, ByteClass.isLetter(bytes[end]) { end += 1 }
                if end < range.upperBound, ByteClass.isSpace(bytes[end]) {
                    switch text(bytes, k..<end).lowercased() {
                    case "is", "are", "equals", "was", "be": found = end
                    default: break
                    }
                }
                k = end
                continue
            }
            k += 1
        }
        return found
    }

    // MARK: Whole response, last number

    /// The whole response when it is itself a short answer: one line of at most `wholeResponseLimit`
    /// bytes that parses, holds no identifier (`AZ2B`, `H2O`), and is either text of at most two words
    /// (`odd`, `no solution`) or math with no plain word in it (`x^2 + 2*x + 1`, `\frac13`, `E`).
    static func shortAnswer(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let range = BoxScanner.nonEmpty(bytes, 0..<bytes.count), range.count <= wholeResponseLimit else {
            return nil
        }
        var k = range.lowerBound
        while k < range.upperBound {
            let b = bytes[k]
            if b == .newline { return nil }
            if ByteClass.isLetter(b) {
                let commandName = k > range.lowerBound && bytes[k - 1] == .backslash
                var end = k
                while end < range.upperBound, ByteClass.isLetter(bytes[end]) { end += 1 }
                if !commandName, end < range.upperBound, ByteClass.isDigit(bytes[end]) { return nil }
                k = end
                continue
            }
            k += 1
        }
        guard !saysNoAnswer(bytes, range) else { return nil }
        return parses(bytes, range) ? range : nil
    }

    /// A whole response that says there is no answer ("nothing", "unknown") is not a text answer.
    private static func saysNoAnswer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == .period || bytes[end - 1] == .exclamation { end -= 1 }
        switch text(bytes, range.lowerBound..<end).lowercased() {
        case "nothing", "none", "unknown", "unsure", "skip", "pass", "no idea", "no answer", "idk", "n/a", "none found":
            return true
        default:
            return false
        }
    }

    private static func isMathWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        switch text(bytes, range) {
        case "sin", "cos", "tan", "cot", "sec", "csc", "log", "ln", "exp", "sqrt", "pi", "or", "and", "arcsin",
            "arccos", "arctan", "sinh", "cosh", "tanh", "inf", "infty", "infinity":
            return true
        default:
            return false
        }
    }

    /// The last number that stands alone: digits with inner `,` `.` `/`, a leading `-` or `.`. A number
    /// glued after letters (`AZ2B`, `x2`), an exponent or subscript (`x^2`), or the numerator of a
    /// fraction is skipped; the denominator of `\frac{a}{b}` gives the whole fraction, and `\frac13` is read whole.
    static func lastNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var end = bytes.count
        while true {
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
            let before = start > 0 ? bytes[start - 1] : UInt8.space
            if ByteClass.isLetter(before) {
                if let fraction = shortFraction(bytes, digits: start..<end) { return fraction }
                end = start
                continue
            }
            if before == .caret || before == .underscore {
                end = start
                continue
            }
            if let fraction = enclosingFraction(bytes, denominator: start..<end) { return fraction }
            if before == .openBrace, end + 1 < bytes.count, bytes[end] == .closeBrace, bytes[end + 1] == .openBrace {
                // A fraction's numerator (the first of two arguments): not an answer on its own.
                end = start
                continue
            }
            if before == .period, start < 2 || !ByteClass.isDigit(bytes[start - 2]) { start -= 1 }
            if start > 0, bytes[start - 1] == .minus { start -= 1 }
            return start..<end
        }
    }

    /// `\frac13` (and `\dfrac`, `\tfrac`) when `digits` are its two single-digit arguments.
    private static func shortFraction(_ bytes: UnsafeBufferPointer<UInt8>, digits: Range<Int>) -> Range<Int>? {
        guard digits.count == 2 else { return nil }
        for command in ["\\frac", "\\dfrac", "\\tfrac"] {
            let name = Array(command.utf8)
            let start = digits.lowerBound - name.count
            guard start >= 0 else { continue }
            if Array(bytes[start..<digits.lowerBound]) == name {
                return (start > 0 && bytes[start - 1] == .minus ? start - 1 : start)..<digits.upperBound
            }
        }
        return nil
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
        // The numerator is short; a longer search would make many `}{` quadratic.
        let floor = max(0, index - 256)
        while index >= floor {
            if bytes[index] == .closeBrace { depth += 1 }
            if bytes[index] == .openBrace {
                depth -= 1
                if depth == 0 { break }
            }
            index -= 1
        }
        guard index > 0, index >= floor else { return nil }
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
