/// How an answer was found in a response, from most to least trustworthy.
public enum ExtractionMethod: String, Sendable, Hashable, CaseIterable {
    /// The last `\boxed{…}` or `\fbox{…}`.
    case boxed
    /// The last `<answer>…</answer>` (the SSA output format).
    case answerTag
    /// GSM8K's `#### N`.
    case hashes
    /// "The answer is …" / "Final answer: …" up to the end of the sentence.
    case phrase
    /// The last number in the response: a fallback, reported so it can be counted apart.
    case lastNumber
}

/// The answer text found in a model's response, and how it was found.
public struct ExtractedAnswer: Sendable, Equatable, Hashable {
    /// The answer's text, trimmed, without the wrapper it was found in.
    public let text: String
    /// Which rule found it.
    public let method: ExtractionMethod

    /// Creates an extracted answer.
    public init(text: String, method: ExtractionMethod) {
        self.text = text
        self.method = method
    }
}
