/// One response graded with the reasons shown: what was extracted and by which rule, how the
/// answer and the gold parsed, and why they match or not (`chorus grade --pairs`, the REPL's `grade`).
public struct GradeExplanation: Sendable, Equatable {
    /// The grade.
    public let grade: Grade
    /// The extracted answer's normalised form (``ParsedAnswer/canonicalKey``); nil when it does not parse.
    public let parsedForm: String?
    /// The gold's normalised form; nil when the gold does not parse (it is then compared as text).
    public let goldForm: String?
    /// Why the response landed in its bucket, in one sentence.
    public let reason: String

    /// Grades `response` against `gold` with `grader` and explains the verdict.
    public init(
        grader: Grader, response: String, gold: String, finishReason: String? = nil,
        truncation: TruncationPolicy = .separate
    ) {
        let goldAnswer = GoldAnswer(gold)
        let grade = grader.grade(
            response: response, gold: goldAnswer, finishReason: finishReason, truncation: truncation)
        let parsed = grade.extracted.flatMap { AnswerParser.parse($0.text) }
        self.grade = grade
        self.parsedForm = parsed?.canonicalKey
        self.goldForm = goldAnswer.parsed?.canonicalKey
        self.reason = Self.reason(
            grade: grade, parsed: parsed, gold: goldAnswer, finishReason: finishReason,
            sameForm: parsed?.canonicalKey != nil && parsed?.canonicalKey == goldAnswer.parsed?.canonicalKey)
    }

    private static func reason(
        grade: Grade, parsed: ParsedAnswer?, gold: GoldAnswer, finishReason: String?, sameForm: Bool
    ) -> String {
        switch grade.bucket {
        case .truncated:
            return finishReason == "length"
                ? "the response was cut off at the token limit (finish reason length)"
                : "the response ends inside an unclosed \\boxed{ or <answer>: it was cut off"
        case .unparseable:
            return grade.extracted == nil
                ? "no rule found an answer in the response" : "the extracted text does not parse as an answer"
        case .match, .mismatch:
            let matched = grade.bucket == .match
            if gold.parsed == nil {
                return "the gold does not parse, so the texts were compared (white space collapsed): "
                    + (matched ? "equal" : "different")
            }
            if sameForm { return "both normalise to the same form" }
            return matched
                ? "different forms, equivalent under the equivalence rules"
                : "different forms, not equivalent under the equivalence rules"
        }
    }
}
