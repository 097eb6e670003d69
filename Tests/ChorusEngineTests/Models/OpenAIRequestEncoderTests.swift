import Testing

@testable import ChorusEngine

@Suite struct OpenAIRequestEncoderTests {
    let encoder = OpenAIRequestEncoder(model: "qwen", llamaCppExtensions: true)

    @Test func chatBodyHasSortedKeysAndEveryParameterSet() {
        let request = CompletionRequest(
            prompt: .chat([.system("Be brief."), .user("2+2? \"quoted\"\n")]),
            parameters: SamplingParameters(
                n: 4, temperature: 0.7, topP: 0.95, topK: 20, maxTokens: 256, stop: ["</answer>"], seed: 7,
                logprobs: true))
        #expect(
            encoder.body(for: request) == #"""
                {"cache_prompt":false,"logprobs":true,"max_tokens":256,"messages":[{"content":"Be brief.","role":"system"},{"content":"2+2? \"quoted\"\n","role":"user"}],"model":"qwen","n":4,"seed":7,"stop":["</answer>"],"temperature":0.7,"top_k":20,"top_logprobs":1,"top_p":0.95}
                """#)
        #expect(OpenAIRequestEncoder.path(for: request.prompt) == "chat/completions")
    }

    @Test func aStreamedRequestAsksForTheUsageInTheLastChunk() {
        let request = CompletionRequest(prompt: .text("Q"))
        #expect(
            encoder.body(for: request, stream: true)
                == #"{"model":"qwen","n":1,"prompt":"Q","stream":true,"stream_options":{"include_usage":true}}"#)
    }

    @Test func unsetParametersAreLeftToTheServer() {
        let request = CompletionRequest(prompt: .text("Q: 1+1\nA:"))
        #expect(encoder.body(for: request) == #"{"model":"qwen","n":1,"prompt":"Q: 1+1\nA:"}"#)
        #expect(OpenAIRequestEncoder.path(for: request.prompt) == "completions")
    }

    @Test func completionsAskForTheChosenTokensLogprobs() {
        let request = CompletionRequest(
            prompt: .text("x"),
            parameters: SamplingParameters(temperature: 1, maxTokens: nil, logprobs: true))
        #expect(encoder.body(for: request) == #"{"logprobs":1,"model":"qwen","n":1,"prompt":"x","temperature":1.0}"#)
    }

    @Test func cachePromptIsSentOnlyWithASeedAndOnlyForLlamaCpp() {
        let hosted = OpenAIRequestEncoder(model: "gpt", llamaCppExtensions: false)
        let seeded = CompletionRequest(
            prompt: .text("x"),
            parameters: SamplingParameters(temperature: nil, maxTokens: nil, seed: 3))
        #expect(hosted.body(for: seeded) == #"{"model":"gpt","n":1,"prompt":"x","seed":3}"#)
        #expect(encoder.body(for: seeded).contains(#""cache_prompt":false"#))
        #expect(!encoder.body(for: CompletionRequest(prompt: .text("x"))).contains("cache_prompt"))
    }
}
