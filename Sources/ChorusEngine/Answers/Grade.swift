/// Where a graded response lands.
public enum GradeBucket: String, Sendable, Hashable, CaseIterable {
    /// The extracted answer is equivalent to the gold answer.
    case match
    /// The extracted answer parsed, and is not equivalent to the gold answer.
    case mismatch
    /// No answer could be extracted, or the extracted text could not be parsed: reported apart from wrong answers.
    case unparseable
    /// The response was cut off (finish reason `length`, or it ends inside an unclosed `\boxed{` or
    /// `<answer>`): reported apart, never voted, never correct unless ``TruncationPolicy/grade`` is set.
    case truncated
}

/// The outcome of grading one response against a gold answer.
public struct Grade: Sendable, Equatable, Hashable {
    /// The answer found in the response, if any.
    public let extracted: ExtractedAnswer?
    /// Match, mismatch, unparseable or truncated.
    public let bucket: GradeBucket

    /// Creates a grade.
    public init(extracted: ExtractedAnswer?, bucket: GradeBucket) {
        self.extracted = extracted
        self.bucket = bucket
    }

    /// Whether the response is correct.
    public var isCorrect: Bool { bucket == .match }
}
