/// How samples are drawn: everything but the prompt and the sample index that decides what a model says.
///
/// A ``CompletionRequest`` holds them with its prompt; an unset optional is left to the server.
public struct SamplingParameters: Sendable, Equatable, Hashable {
    /// Samples per problem.
    public var n: Int
    /// Sampling temperature; nil for the server's default.
    public var temperature: Double?
    /// Nucleus sampling mass; nil for the server's default.
    public var topP: Double?
    /// Top-k cut-off; nil for the server's default.
    public var topK: Int?
    /// Most completion tokens per sample; nil for the server's default.
    public var maxTokens: Int?
    /// Texts that end a completion.
    public var stop: [String]
    /// The base seed; sample i is drawn with ``seed(forSample:)``. Nil for unseeded sampling.
    public var seed: Int?
    /// Whether to ask for token log-probabilities (for `Sample.meanLogProbability` and weighted votes).
    public var logprobs: Bool
    /// The versioned prompt template behind the prompts (`ssa-v1@<hash>`), for aggregation and
    /// refinement; part of the key, so a changed template never reuses samples of the old one.
    public var template: String?
    /// Whether the model is a reward model that scores each prompt's finished conversation
    /// (`CompletionRequest.Prompt.reward`) instead of continuing it.
    public var rewardModel: Bool

    /// Creates parameters.
    public init(
        n: Int = 1, temperature: Double? = 0.7, topP: Double? = nil, topK: Int? = nil, maxTokens: Int? = 512,
        stop: [String] = [], seed: Int? = nil, logprobs: Bool = false, template: String? = nil,
        rewardModel: Bool = false
    ) {
        self.n = n
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.maxTokens = maxTokens
        self.stop = stop
        self.seed = seed
        self.logprobs = logprobs
        self.template = template
        self.rewardModel = rewardModel
    }

    /// The parameters that shape one sample, as part of its store key.
    ///
    /// `n` and `seed` are left out: the key holds the seed and the sample's
    /// index apart, so raising n from 8 to 16 reuses the first 8 samples.
    public var keyDocument: JSONValue {
        var fields: [String: JSONValue] = [
            "stop": .array(stop.map(JSONValue.string)),
            "logprobs": .bool(logprobs),
        ]
        // Always set by the sampler; a server default is left out of the key rather than guessed.
        if let temperature { fields["temperature"] = .double(temperature) }
        if let maxTokens { fields["max_tokens"] = .integer(maxTokens) }
        if let topP { fields["top_p"] = .double(topP) }
        if let topK { fields["top_k"] = .integer(topK) }
        if let template { fields["template"] = .string(template) }
        if rewardModel { fields["reward_model"] = .bool(true) }
        return .object(fields)
    }

    /// The seed sample `index` is drawn with: the base seed plus the index (nil without a seed), so a
    /// sample is the same whether it was asked for alone or in a batch.
    public func seed(forSample index: Int) -> Int? {
        seed.map { Self.seed(base: $0, sample: index) }
    }

    /// The seed sample `index` of a run with base seed `base` is drawn with (wrapping, never trapping).
    public static func seed(base: Int, sample index: Int) -> Int {
        base &+ index
    }
}
