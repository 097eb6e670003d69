import Testing

@testable import ChorusEngine

@Suite struct OpenAIResponseDecoderTests {
    func decode(_ text: String) throws -> DecodedCompletion {
        try OpenAIResponseDecoder.decode(Array(text.utf8))
    }

    func failure(_ text: String) -> String? {
        do {
            _ = try OpenAIResponseDecoder.decode(Array(text.utf8))
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func decodesChatChoicesInIndexOrderWithLogprobMeans() throws {
        let decoded = try decode(
            #"""
            {"choices":[
              {"index":1,"message":{"role":"assistant","content":"B"},"finish_reason":"length",
               "logprobs":{"content":[{"token":"B","logprob":-1.0},{"token":"!","logprob":-3.0}]}},
              {"index":0,"message":{"role":"assistant","content":"A"},"finish_reason":"stop",
               "logprobs":{"content":[{"token":"A","logprob":-0.5}]}}],
             "usage":{"prompt_tokens":12,"completion_tokens":3}}
            """#)
        #expect(decoded.choices.map(\.text) == ["A", "B"])
        let result = decoded.samples(latency: 0.25)
        #expect(result.samples.map(\.finishReason) == ["stop", "length"])
        #expect(result.samples.map(\.meanLogProbability) == [-0.5, -2.0])
        #expect(result.samples.map(\.completionTokens) == [1, 2])
        #expect(result.samples.map(\.promptTokens) == [12, 0])
        #expect(result.samples.map(\.latency) == [0.25, 0.25])
        #expect(result.accounting == .exact)
        #expect(result.cost == Cost(calls: 1, promptTokens: 12, completionTokens: 3))
    }

    @Test func decodesCompletionsTokenLogprobsSkippingNulls() throws {
        let decoded = try decode(
            #"""
            {"choices":[{"index":0,"text":" 4","finish_reason":"stop",
              "logprobs":{"tokens":[" ","4"],"token_logprobs":[null,-0.2,-0.4]}}],
             "usage":{"prompt_tokens":5,"completion_tokens":2}}
            """#)
        let sample = try #require(decoded.samples(latency: 0).samples.first)
        #expect(sample.text == " 4")
        #expect(abs(sample.meanLogProbability! - -0.3) < 1e-12)
        #expect(sample.completionTokens == 2)
    }

    @Test func withoutLogprobsOneChoiceTakesTheUsage() throws {
        let result = try decode(
            #"{"choices":[{"text":"x","finish_reason":null}],"usage":{"prompt_tokens":3,"completion_tokens":9}}"#
        )
        .samples(latency: 0)
        #expect(result.samples == [Sample(text: "x", promptTokens: 3, completionTokens: 9, latency: 0)])
        #expect(result.accounting == .exact)
    }

    @Test func severalChoicesSplitTheUsageByTextLength() throws {
        let result = try decode(
            #"""
            {"choices":[{"index":0,"text":"aaa"},{"index":1,"text":"a"},{"index":2,"text":""}],
             "usage":{"prompt_tokens":3,"completion_tokens":10}}
            """#
        ).samples(latency: 0)
        #expect(result.samples.map(\.completionTokens) == [8, 2, 0])
        #expect(result.accounting == .estimated)
        #expect(result.cost.completionTokens == 10)
        #expect(DecodedCompletion.share(10, byLengths: [1, 1, 1]) == [4, 3, 3])
        #expect(DecodedCompletion.share(5, byLengths: [0, 0]) == [3, 2])
    }

    @Test func llamaCppCountsOfOneChoiceAreNotSplit() throws {
        let result = try decode(
            #"""
            {"choices":[{"index":0,"text":"aaa"},{"index":1,"text":"a"}],"timings":{"predicted_n":3},
             "usage":{"prompt_tokens":3,"completion_tokens":3}}
            """#
        ).samples(latency: 0)
        #expect(result.samples.map(\.completionTokens) == [nil, nil])
        #expect(result.accounting == .lowerBound)
        #expect(result.cost.completionTokens == 3)
    }

    @Test func noContentIsAFailureButEmptyContentIsText() throws {
        #expect(
            failure(#"{"choices":[{"message":{"role":"assistant","content":null}}]}"#) == "choice 0 has a null content")
        #expect(failure(#"{"choices":[{"message":{"role":"assistant"}}]}"#) == "choice 0 has a message without content")
        #expect(failure(#"{"choices":[]}"#) == #"the "choices" array is empty"#)
        #expect(try decode(#"{"choices":[{"message":{"role":"assistant","content":""}}]}"#).choices.first?.text == "")
    }

    @Test func malformedBodiesAreFailuresNeverSamples() {
        #expect(failure(#"{"choices":[{"text":"cut"#)?.hasPrefix("the body is not valid JSON") == true)
        #expect(failure("[]") == "the body is not a JSON object")
        #expect(failure(#"{"id":"x"}"#) == #"the body has no "choices" array"#)
        #expect(failure(#"{"choices":[{"index":0}]}"#) == #"choice 0 has neither "text" nor "message""#)
        #expect(failure(#"{"error":{"message":"overloaded"}}"#) == "the server reported an error: overloaded")
    }

    @Test func errorMessagesComeFromTheUsualPlaces() {
        func message(_ text: String) -> String { OpenAIResponseDecoder.errorMessage(from: Array(text.utf8)) }
        #expect(
            message(#"{"error":{"message":"max_tokens is too large","type":"invalid_request_error"}}"#)
                == "max_tokens is too large")
        #expect(message(#"{"object":"error","message":"model not found"}"#) == "model not found")
        #expect(message(#"{"error":"bad seed"}"#) == "bad seed")
        #expect(message("  <html>\n  Bad Gateway\n</html>  ") == "<html> Bad Gateway </html>")
        #expect(message("") == "(no message)")
        #expect(message(String(repeating: "x", count: 400)).count == 301)
    }

    @Test func aPoolingAnswerIsOneScoredChoice() throws {
        for (body, score) in [
            (#"{"data":[{"index":0,"data":0.5}]}"#, 0.5),
            (#"{"data":[{"index":0,"data":[-1.25]}]}"#, -1.25),
            (#"{"data":[{"index":0,"data":[[0.1,0.2],[0.3,4.0]]}],"usage":{"prompt_tokens":7}}"#, 4.0),
        ] {
            let result = try decode(body).samples(latency: 0)
            #expect(result.samples.map(\.score) == [score], "\(body)")
            #expect(result.cost.completionTokens == 0)
        }
        #expect(throws: OpenAIResponseDecoder.Failure.self) { try decode(#"{"data":[{"index":0,"data":[]}]}"#) }
        #expect(throws: OpenAIResponseDecoder.Failure.self) { try decode(#"{"data":[]}"#) }
    }
}
