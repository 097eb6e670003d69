/// Which extraction rules `AnswerExtractor` may use; they are always tried in the order listed.
///
/// Every rule is on unless turned off (`ExtractionOptions(mathSpan: false)`); the engine picks the
/// options, so the memberwise initialiser stays internal.
public struct ExtractionOptions: Sendable, Equatable, Hashable {
    /// Look for the last `\boxed{…}` / `\fbox{…}` (and the boxes joined to it).
    public var boxed = true
    /// Look for the last `<answer>…</answer>`.
    public var answerTag = true
    /// Look for GSM8K's `#### N`.
    public var hashes = true
    /// Look for "the answer is …" / "final answer: …".
    public var phrase = true
    /// Fall back to the last math span, taken whole.
    public var mathSpan = true
    /// Fall back to the whole response when it is itself a short answer.
    public var wholeResponse = true
    /// Fall back to the last number in the response.
    public var lastNumber = true
    /// Try `<answer>…</answer>` before `\boxed{…}` (a `\boxed{…}` inside the tag is unwrapped): for
    /// an aggregator's output, whose reasoning quotes the candidates' boxed answers before it gives its own.
    public var answerTagFirst = false

    /// Every rule, in the usual order: how a response is read unless a caller asks otherwise.
    public static let all = ExtractionOptions()

    /// Only marked answers (box, tag, `####`, final-answer sentence): a response with no marked answer has none.
    public static let strict = ExtractionOptions(mathSpan: false, wholeResponse: false, lastNumber: false)

    /// Every rule except the last-number fallback: how a gold answer is read.
    public static let gold = ExtractionOptions(lastNumber: false)

    /// Only the last `\boxed{…}`: how a worked solution (MATH's `solution`) states its answer.
    public static let boxedOnly = ExtractionOptions(
        answerTag: false, hashes: false, phrase: false, mathSpan: false, wholeResponse: false, lastNumber: false)
}
