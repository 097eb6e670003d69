/// Which extraction rules `AnswerExtractor` may use; they are always tried in the order listed.
public struct ExtractionOptions: Sendable, Equatable, Hashable {
    /// Look for the last `\boxed{…}` / `\fbox{…}` (and the boxes joined to it).
    public var boxed: Bool
    /// Look for the last `<answer>…</answer>`.
    public var answerTag: Bool
    /// Look for GSM8K's `#### N`.
    public var hashes: Bool
    /// Look for "the answer is …" / "final answer: …".
    public var phrase: Bool
    /// Fall back to the last math span, taken whole.
    public var mathSpan: Bool
    /// Fall back to the whole response when it is itself a short answer.
    public var wholeResponse: Bool
    /// Fall back to the last number in the response.
    public var lastNumber: Bool
    /// Try `<answer>…</answer>` before `\boxed{…}` (a `\boxed{…}` inside the tag is unwrapped): for
    /// an aggregator's output, whose reasoning quotes the candidates' boxed answers before it gives its own.
    public var answerTagFirst: Bool

    /// Creates options; every rule is on unless turned off.
    public init(
        boxed: Bool = true, answerTag: Bool = true, hashes: Bool = true, phrase: Bool = true,
        mathSpan: Bool = true, wholeResponse: Bool = true, lastNumber: Bool = true,
        answerTagFirst: Bool = false
    ) {
        self.boxed = boxed
        self.answerTag = answerTag
        self.hashes = hashes
        self.phrase = phrase
        self.mathSpan = mathSpan
        self.wholeResponse = wholeResponse
        self.lastNumber = lastNumber
        self.answerTagFirst = answerTagFirst
    }

    /// Only marked answers (box, tag, `####`, final-answer sentence): a response with no marked answer has none.
    public static let strict = ExtractionOptions(mathSpan: false, wholeResponse: false, lastNumber: false)

    /// Every rule except the last-number fallback: how a gold answer is read.
    public static let gold = ExtractionOptions(lastNumber: false)

    /// Only the last `\boxed{…}`: how a worked solution (MATH's `solution`) states its answer.
    public static let boxedOnly = ExtractionOptions(
        answerTag: false, hashes: false, phrase: false, mathSpan: false, wholeResponse: false, lastNumber: false)
}
