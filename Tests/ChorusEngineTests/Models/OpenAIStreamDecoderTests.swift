import Testing

@testable import ChorusEngine

@Suite struct OpenAIStreamDecoderTests {
    /// `data: …` events, one per chunk, then `data: [DONE]` unless `done` is false.
    static func events(_ chunks: [String], done: Bool = true) -> String {
        chunks.map { "data: \($0)\n\n" }.joined() + (done ? "data: [DONE]\n\n" : "")
    }

    /// A chat chunk adding `content` to choice `index`.
    static func delta(_ content: String?, index: Int = 0, finish: String? = nil, logprobs: [Double]? = nil) -> String {
        let text = content.map { #"{"content":\#(JSONText.quote($0))}"# } ?? "{}"
        let reason = finish.map { #""\#($0)""# } ?? "null"
        let probabilities =
            logprobs.map { values in
                #","logprobs":{"content":[\#(values.map { #"{"token":"t","logprob":\#($0)}"# }.joined(separator: ","))]}"#
            } ?? ""
        return
            #"{"object":"chat.completion.chunk","choices":[{"index":\#(index),"delta":\#(text),"finish_reason":\#(reason)\#(probabilities)}],"usage":null}"#
    }

    static let usage = #"{"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":3}}"#

    func decode(_ text: String) throws(OpenAIStreamDecoder.Failure) -> DecodedCompletion {
        try OpenAIStreamDecoder.decode(Array(text.utf8))
    }

    func failure(_ text: String) -> String? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func aStreamDecodesAsTheSameAnswerUnstreamed() throws {
        let streamed = try decode(
            Self.events([
                #"{"choices":[{"index":0,"delta":{"role":"assistant","content":null},"finish_reason":null}]}"#,
                Self.delta("The answer", logprobs: [-0.5]),
                Self.delta(" is 4", logprobs: [-1.0, -3.0]),
                Self.delta(nil, finish: "stop"),
                Self.usage,
            ]))
        let whole = try OpenAIResponseDecoder.decode(
            Array(
                #"""
                {"choices":[{"index":0,"message":{"role":"assistant","content":"The answer is 4"},"finish_reason":"stop",
                 "logprobs":{"content":[{"token":"t","logprob":-0.5},{"token":"t","logprob":-1.0},{"token":"t","logprob":-3.0}]}}],
                 "usage":{"prompt_tokens":12,"completion_tokens":3}}
                """#.utf8))
        #expect(streamed == whole)
        #expect(streamed.samples(latency: 1) == whole.samples(latency: 1))
    }

    @Test func choicesOfANativeNStreamInterleaveByIndex() throws {
        let decoded = try decode(
            Self.events([
                Self.delta("B1", index: 1), Self.delta("A1", index: 0), Self.delta("B2", index: 1, finish: "length"),
                Self.delta("A2", index: 0, finish: "stop"), Self.usage,
            ]))
        #expect(decoded.choices.map(\.text) == ["A1A2", "B1B2"])
        #expect(decoded.choices.map(\.finishReason) == ["stop", "length"])
        #expect(decoded.promptTokens == 12 && decoded.completionTokens == 3)
    }

    @Test func completionsStreamsAndLlamaCppTimingsAreRead() throws {
        let decoded = try decode(
            Self.events([
                #"{"choices":[{"index":0,"text":" 4","logprobs":{"token_logprobs":[-0.25]}}]}"#,
                #"{"choices":[{"index":0,"text":".","finish_reason":"length","logprobs":{"token_logprobs":[-0.75]}}],"usage":{"prompt_tokens":3,"completion_tokens":2},"timings":{"predicted_n":2}}"#,
            ]))
        #expect(
            decoded.choices == [.init(index: 0, text: " 4.", finishReason: "length", tokenLogprobs: [-0.25, -0.75])])
        #expect(decoded.isLlamaCpp)
        #expect(decoded.completionTokens == 2)
    }

    @Test func commentsOtherFieldsCRLFAndANullUsageChoiceListAreAccepted() throws {
        let text =
            ": keep-alive\r\nevent: message\r\nid: 1\r\ndata:\(Self.delta("ok", finish: "stop"))\r\n\r\n"
            + #"data: {"choices":null,"usage":{"prompt_tokens":1,"completion_tokens":1}}"# + "\r\n\r\ndata: [DONE]"
        let decoded = try decode(text)
        #expect(decoded.choices.map(\.text) == ["ok"])
        #expect(decoded.completionTokens == 1)
    }

    @Test func bytesFedOneByOneGiveTheSamePiecesAndAnswer() throws {
        let text = Self.events([Self.delta("é, "), Self.delta("日本", finish: "stop"), Self.usage])
        var decoder = OpenAIStreamDecoder()
        var pieces: [OpenAIStreamDecoder.Piece] = []
        for byte in Array(text.utf8) { pieces += try decoder.feed([byte]) }
        #expect(pieces == [.init(index: 0, text: "é, "), .init(index: 0, text: "日本")])
        #expect(try decoder.finish() == decode(text))
    }

    @Test func aStreamWithoutUsageHasNoTokenCounts() throws {
        let decoded = try decode(Self.events([Self.delta("ok", finish: "stop")]))
        #expect(decoded.promptTokens == nil && decoded.completionTokens == nil)
    }

    @Test func aPartOfAnAnswerIsNeverAnAnswer() {
        #expect(failure(Self.events([Self.delta("The answ")], done: false)) == "the stream ended before `data: [DONE]`")
        #expect(failure("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}") != nil)
        #expect(failure(Self.events([])) == "the stream has no choices")
    }

    @Test func malformedChunksFail() {
        #expect(failure("data: {not json\n\n")?.hasPrefix("a streamed chunk is not valid JSON") == true)
        #expect(failure("data: [1,2]\n\n") == "a streamed chunk is not a JSON object")
        #expect(failure("data: {\"choices\":7}\n\n") == "a streamed chunk's \"choices\" is not an array")
        #expect(failure("data: {\"choices\":[3]}\n\n") == "a streamed choice is not an object")
        #expect(failure("data: {\"choices\":[{\"index\":-1,\"delta\":{}}]}\n\n")?.contains("out of range") == true)
        #expect(
            failure(Self.events([#"{"choices":[{"index":0,"delta":{"content":5}}]}"#]))?.contains("not text") == true)
        #expect(
            failure(#"data: {"error":{"message":"the model crashed"}}"# + "\n\n")
                == "the server reported an error: the model crashed")
    }

    @Test func aToolCallOrARefusalIsNoTextAnswer() {
        let refusal = #"{"choices":[{"index":0,"delta":{"refusal":"no"},"finish_reason":"stop"}]}"#
        #expect(failure(Self.events([refusal, Self.usage])) == "choice 0 has a null content")
    }

    @Test func aStreamIsKnownByItsMediaTypeOrItsFirstField() {
        #expect(OpenAIStreamDecoder.isStream(contentType: "text/event-stream; charset=utf-8", body: []))
        #expect(OpenAIStreamDecoder.isStream(contentType: "application/json", body: Array("\n data: {}".utf8)))
        #expect(!OpenAIStreamDecoder.isStream(contentType: "application/json", body: Array(#"{"choices":[]}"#.utf8)))
        #expect(!OpenAIStreamDecoder.isStream(contentType: nil, body: []))
    }
}
