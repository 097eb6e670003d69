/// Writes the JSON body of an OpenAI-compatible completion request, keys sorted, so equal requests
/// are equal bytes.
///
/// Optional parameters are sent only when set, so the server's defaults apply otherwise. llama.cpp's
/// extensions (`cache_prompt`, `top_k`) are sent only when wanted: llama.cpp reproduces a seeded
/// sample only with `"cache_prompt": false`, and hosted APIs reject fields they do not know.
struct OpenAIRequestEncoder: Sendable {
    /// The model name sent in every request.
    var model: String
    /// Whether to send `"cache_prompt": false` with a seed (llama.cpp's server needs it).
    var llamaCppExtensions: Bool

    /// The path under the base URL: `chat/completions` or `completions`.
    static func path(for prompt: CompletionRequest.Prompt) -> String {
        switch prompt {
        case .chat: "chat/completions"
        case .text: "completions"
        // From the server's root, beside `/v1`: vLLM serves pooling (reward) models there.
        case .reward: "/pooling"
        }
    }

    /// The request body as compact JSON with sorted keys; `stream` asks for server-sent events
    /// with the usage in a last chunk (`stream_options.include_usage`).
    func body(for request: CompletionRequest, stream: Bool = false) -> String {
        if case .reward(let messages) = request.prompt {
            return JSONValue.object(["model": .string(model), "messages": messages.jsonValue]).jsonText
        }
        var fields: [String: JSONValue] = ["model": .string(model), "n": .number(String(request.parameters.n))]
        switch request.prompt {
        case .chat(let messages):
            fields["messages"] = messages.jsonValue
            if request.parameters.logprobs {
                // One alternative per token carries the chosen token's log-probability; llama.cpp sends
                // none at all for top_logprobs 0, and 20 when it is left out.
                fields["logprobs"] = .bool(true)
                fields["top_logprobs"] = .number("1")
            }
        case .text(let text):
            fields["prompt"] = .string(text)
            // The completions API takes the number of alternatives per token; 1 brings the chosen token's.
            if request.parameters.logprobs { fields["logprobs"] = .number("1") }
        case .reward:
            break
        }
        if let temperature = request.parameters.temperature {
            fields["temperature"] = .number(Self.literal(temperature))
        }
        if let topP = request.parameters.topP { fields["top_p"] = .number(Self.literal(topP)) }
        if let topK = request.parameters.topK { fields["top_k"] = .number(String(topK)) }
        if let maxTokens = request.parameters.maxTokens { fields["max_tokens"] = .number(String(maxTokens)) }
        if !request.parameters.stop.isEmpty { fields["stop"] = .array(request.parameters.stop.map { .string($0) }) }
        if let seed = request.parameters.seed {
            fields["seed"] = .number(String(seed))
            if llamaCppExtensions { fields["cache_prompt"] = .bool(false) }
        }
        if stream {
            fields["stream"] = .bool(true)
            fields["stream_options"] = .object(["include_usage": .bool(true)])
        }
        return JSONValue.object(fields).jsonText
    }

    /// A finite number as a JSON literal (`0.7`, `1.0`); non-finite values, which JSON lacks, become 0.
    private static func literal(_ value: Double) -> String {
        value.isFinite ? String(value) : "0"
    }
}
