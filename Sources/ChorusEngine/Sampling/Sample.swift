/// One model response to one problem, with what it cost and what the model said about it.
public struct Sample: Sendable, Equatable {
    /// The full response text; only this is ever graded.
    public var text: String
    /// Why generation stopped (`stop`, `length`, …), when known.
    public var finishReason: String?
    /// Prompt tokens billed for this sample, when known.
    public var promptTokens: Int?
    /// Completion tokens of this sample, when known.
    public var completionTokens: Int?
    /// Seconds from request to response, when known.
    public var latency: Double?
    /// The mean log-probability of the response's tokens, when the model returned log-probabilities.
    public var meanLogProbability: Double?
    /// A scorer's rating of this sample (a reward model, a judge), when one was run.
    public var score: Double?

    /// Creates a sample.
    public init(
        text: String, finishReason: String? = nil, promptTokens: Int? = nil, completionTokens: Int? = nil,
        latency: Double? = nil, meanLogProbability: Double? = nil, score: Double? = nil
    ) {
        self.text = text
        self.finishReason = finishReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.latency = latency
        self.meanLogProbability = meanLogProbability
        self.score = score
    }
}
