/// The samples a model gave for one request, and what they cost.
public struct CompletionResponse: Sendable, Equatable {
    /// Where the samples' completion-token counts came from.
    public enum TokenAccounting: Sendable, Equatable {
        /// Counted per sample: one sample per response, or one log-probability per token.
        case exact
        /// The server counted all samples together; the total was split in proportion to text length.
        case estimated
        /// The server counted one sample only (llama.cpp with `n > 1`); samples carry no count and the
        /// cost's completion tokens are a lower bound.
        case lowerBound
    }

    /// The samples, index i being sample i; always as many as were asked for.
    public var samples: [Sample]
    /// Calls made (retries included), prompt and completion tokens billed, and wall time.
    public var cost: Cost
    /// How trustworthy the completion-token counts are.
    public var tokenAccounting: TokenAccounting

    /// Creates a response.
    public init(samples: [Sample], cost: Cost, tokenAccounting: TokenAccounting = .exact) {
        self.samples = samples
        self.cost = cost
        self.tokenAccounting = tokenAccounting
    }
}
