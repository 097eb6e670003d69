/// Grades a model's response against a gold answer: extract, parse both, compare.
public struct Grader: Sendable {
    /// Finds the answer in a response.
    public let extractor: AnswerExtractor
    /// Decides whether two answers are the same.
    public let equivalence: AnswerEquivalence

    /// Creates a grader.
    public init(extraction: ExtractionOptions = .all, equivalence: AnswerEquivalence = .init()) {
        self.extractor = AnswerExtractor(options: extraction)
        self.equivalence = equivalence
    }

    /// Grades `response` against `gold` (gold text is parsed the same way as extracted answers).
    public func grade(response: String, gold: String) -> Grade {
        grade(response: response, gold: GoldAnswer(gold))
    }

    /// Grades `response` against a gold answer parsed once, for the many samples of one problem.
    public func grade(response: String, gold: GoldAnswer) -> Grade {
        grade(extracted: extractor.extract(from: response), gold: gold)
    }

    /// Grades an answer already extracted from a response (`nil` when none was found).
    func grade(extracted: ExtractedAnswer?, gold: GoldAnswer) -> Grade {
        guard let extracted else {
            return Grade(extracted: nil, bucket: .unparseable)
        }
        guard let answer = AnswerParser.parse(extracted.text) else {
            return Grade(extracted: extracted, bucket: .unparseable)
        }
        let same = matches(answer, writtenAs: extracted.text, gold: gold)
        return Grade(extracted: extracted, bucket: same ? .match : .mismatch)
    }

    /// Whether a parsed answer (written as `text`) is the gold answer.
    public func matches(_ answer: ParsedAnswer, writtenAs text: String, gold: GoldAnswer) -> Bool {
        guard let parsedGold = gold.parsed else {
            // A gold answer the parser cannot read still grades: by its text, white space collapsed.
            return GoldAnswer.collapsedWhitespace(text) == gold.collapsedText
        }
        return equivalence.areEquivalent(answer, parsedGold)
    }
}

/// A gold answer, parsed once so that many responses can be graded against it.
public struct GoldAnswer: Sendable, Hashable {
    /// The gold text as given.
    public let text: String
    /// The parsed gold answer; `nil` when the gold text is itself unparseable.
    public let parsed: ParsedAnswer?
    /// The text with white space collapsed, for golds that do not parse.
    let collapsedText: String

    /// Reads and parses `text` as a response is read: a gold may be a bare answer (`$x \in [2,5)$`,
    /// `(p,q)=(3,2)`) or a whole worked solution with a box, an answer tag, `####` or a final sentence.
    public init(_ text: String) {
        self.text = text
        self.parsed = Self.read(text)
        self.collapsedText = parsed == nil ? Self.collapsedWhitespace(text) : ""
    }

    /// The strongest marked answer of a solution (box, tag, `####`) first; else the text as an
    /// answer; else any other rule but the last-number fallback.
    static func read(_ text: String) -> ParsedAnswer? {
        if let marked = AnswerExtractor(options: markedOnly).extract(from: text) {
            return AnswerParser.parse(marked.text)
        }
        if let answer = AnswerParser.parse(text) { return answer }
        return AnswerExtractor(options: .gold).extract(from: text).flatMap { AnswerParser.parse($0.text) }
    }

    /// Boxes, answer tags and `####`: how a worked solution marks its answer.
    private static let markedOnly = ExtractionOptions(
        phrase: false, mathSpan: false, wholeResponse: false,
        lastNumber: false)

    static func collapsedWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
