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
    /// How to sample: `n`, temperature, top-p, top-k, max tokens, stop strings, seed, log-probabilities.
    public var parameters: SamplingParameters

    /// Creates a request; the parameters default to one sample with the server's temperature and length.
    public init(
        prompt: Prompt, parameters: SamplingParameters = SamplingParameters(n: 1, temperature: nil, maxTokens: nil)
    ) {
        self.prompt = prompt
        self.parameters = parameters
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
