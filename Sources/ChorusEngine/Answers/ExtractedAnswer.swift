/// How an answer was found in a response, from most to least trustworthy.
///
/// The raw values are shown to users and written by `chorus grade --pairs`.
public enum ExtractionMethod: String, Sendable, Hashable, CaseIterable {
    /// The last `\boxed{…}` or `\fbox{…}`, with the boxes just before it that join it (`\boxed{2} and \boxed{5}`).
    case boxed
    /// The last `<answer>…</answer>` (the SSA output format).
    case answerTag
    /// GSM8K's `#### N`.
    case hashes
    /// The math or number inside a final-answer sentence ("The answer is …", "Final Answer: … is 34.").
    case phrase
    /// The last math span (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`), taken whole.
    case mathSpan
    /// The whole response, which is itself a short answer (`E`, `x^2 + 2*x + 1`, `\frac13`).
    case wholeResponse
    /// The last number in the response: a fallback, reported so it can be counted apart.
    case lastNumber
}

/// The answer text found in a model's response, and how it was found.
public struct ExtractedAnswer: Sendable, Equatable, Hashable {
    /// The answer's text, trimmed, without the wrapper it was found in (several boxes are joined by `, `).
    public let text: String
    /// Which rule found it.
    public let method: ExtractionMethod
    /// Whether the response ends inside an unclosed `\boxed{` or `<answer>`: it was cut off mid-answer.
    public let endsInsideUnclosedAnswer: Bool

    /// Creates an extracted answer.
    public init(text: String, method: ExtractionMethod, endsInsideUnclosedAnswer: Bool = false) {
        self.text = text
        self.method = method
        self.endsInsideUnclosedAnswer = endsInsideUnclosedAnswer
    }
}

/// What reading a response found: the answer, if any, and whether the response was cut off inside one.
public struct AnswerReading: Sendable, Equatable, Hashable {
    /// The answer found, or `nil` when no rule finds one.
    public let answer: ExtractedAnswer?
    /// Whether the response ends inside an unclosed `\boxed{` or `\fbox{` (true even when no answer was found).
    public let endsInsideBox: Bool
    /// Whether the response's last `<answer>` is never closed (true even when no answer was found).
    public let endsInsideAnswerTag: Bool

    /// Creates a reading.
    public init(answer: ExtractedAnswer?, endsInsideBox: Bool, endsInsideAnswerTag: Bool) {
        self.answer = answer
        self.endsInsideBox = endsInsideBox
        self.endsInsideAnswerTag = endsInsideAnswerTag
    }

    /// Whether the response ends inside an unclosed `\boxed{` or `<answer>`.
    public var endsInsideUnclosedAnswer: Bool { endsInsideBox || endsInsideAnswerTag }
}
