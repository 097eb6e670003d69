/// One prompt and how to sample from it: what a `ModelClient` is asked.
public struct CompletionRequest: Sendable, Equatable {
    /// What the model reads: chat messages (`/v1/chat/completions`), raw text (`/v1/completions`),
    /// or a conversation for a reward model to score (vLLM's `/pooling`).
    public enum Prompt: Sendable, Equatable, Hashable {
        /// Chat messages, formatted by the server's chat template.
        case chat([ChatMessage])
        /// Raw prompt text, given to the model as it is.
        case text(String)
        /// A finished conversation (the last message the response to rate) for a reward model: the
        /// answer is one sample whose `score` is the model's reward and whose text spells it.
        case reward([ChatMessage])
    }

    /// What the model reads.
    public var prompt: Prompt
    /// How many samples to draw.
    public var n: Int
    /// Sampling temperature; the server's default when nil.
    public var temperature: Double?
    /// Nucleus sampling mass; the server's default when nil.
    public var topP: Double?
    /// Top-k sampling (vLLM, SGLang, llama.cpp); not sent when nil.
    public var topK: Int?
    /// The most tokens one sample may have; the server's default when nil.
    public var maxTokens: Int?
    /// Strings that end a sample.
    public var stop: [String]
    /// The sampling seed; samples are reproducible only where the server honours it.
    public var seed: Int?
    /// Whether to ask for token log-probabilities (for `Sample.meanLogProbability`).
    public var logprobs: Bool

    /// Creates a request.
    public init(
        prompt: Prompt, n: Int = 1, temperature: Double? = nil, topP: Double? = nil, topK: Int? = nil,
        maxTokens: Int? = nil, stop: [String] = [], seed: Int? = nil, logprobs: Bool = false
    ) {
        self.prompt = prompt
        self.n = n
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.maxTokens = maxTokens
        self.stop = stop
        self.seed = seed
        self.logprobs = logprobs
    }
}

extension CompletionRequest.Prompt {
    /// The prompt as one text: the raw text, or the messages as compact JSON with sorted keys.
    ///
    /// This is the form `ReplayModel` files record prompts in, and a stable key for a prompt.
    public var canonicalText: String {
        switch self {
        case .text(let text): text
        case .chat(let messages): messages.jsonValue.jsonText
        case .reward(let messages): "reward:" + messages.jsonValue.jsonText
        }
    }
}

extension [ChatMessage] {
    /// The messages as a JSON array of `{"content", "role"}` objects.
    var jsonValue: JSONRowValue {
        .array(map { .object(["role": .string($0.role), "content": .string($0.content)]) })
    }
}
