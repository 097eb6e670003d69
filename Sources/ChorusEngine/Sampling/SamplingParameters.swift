/// How samples are drawn: everything but the prompt and the sample index that decides what a model says.
public struct SamplingParameters: Sendable, Equatable, Hashable {
    /// Samples per problem.
    public var n: Int
    /// Sampling temperature.
    public var temperature: Double
    /// Nucleus sampling mass; nil for the server's default.
    public var topP: Double?
    /// Top-k cut-off; nil for the server's default.
    public var topK: Int?
    /// Most completion tokens per sample.
    public var maxTokens: Int
    /// Texts that end a completion.
    public var stop: [String]
    /// The base seed; sample i is drawn with seed + i. Nil for unseeded sampling.
    public var seed: Int?
    /// Whether to ask for token log-probabilities (for weighted votes).
    public var logprobs: Bool
    /// The versioned prompt template behind the prompts (`ssa-v1@<hash>`), for aggregation and
    /// refinement; part of the key, so a changed template never reuses samples of the old one.
    public var template: String?
    /// Whether the model is a reward model that scores each prompt's finished conversation
    /// (`CompletionRequest.Prompt.reward`) instead of continuing it.
    public var rewardModel: Bool

    /// Creates parameters.
    public init(
        n: Int, temperature: Double = 0.7, topP: Double? = nil, topK: Int? = nil, maxTokens: Int = 512,
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
    public var keyDocument: CanonicalJSON {
        var fields: [String: CanonicalJSON] = [
            "temperature": .number(temperature),
            "max_tokens": .integer(maxTokens),
            "stop": .array(stop.map(CanonicalJSON.string)),
            "logprobs": .bool(logprobs),
        ]
        if let topP { fields["top_p"] = .number(topP) }
        if let topK { fields["top_k"] = .integer(topK) }
        if let template { fields["template"] = .string(template) }
        if rewardModel { fields["reward_model"] = .bool(true) }
        return .object(fields)
    }
}
