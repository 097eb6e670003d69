import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusEngine

/// Every test talks to a `StubHTTPServer` on 127.0.0.1; nothing else is ever contacted.
@Suite struct OpenAICompatibleClientTests {
    /// Short retry delays; a request timeout no loaded machine reaches by accident (tests of timeouts set their own).
    static let fast = OpenAICompatibleClient.Settings(
        maxConcurrentRequests: 8, requestTimeout: 60,
        retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.001, maxDelay: 0.005))

    static func chat(_ texts: [String], prompt: Int = 10, completion: Int = 4) -> String {
        let choices = texts.enumerated().map { index, text in
            #"{"index":\#(index),"message":{"role":"assistant","content":\#(JSONText.quote(text))},"finish_reason":"stop"}"#
        }
        return
            #"{"choices":[\#(choices.joined(separator: ","))],"usage":{"prompt_tokens":\#(prompt),"completion_tokens":\#(completion)}}"#
    }

    static func client(
        _ servers: [StubHTTPServer], key: String? = nil, settings: OpenAICompatibleClient.Settings = fast,
        clock: any EngineClock = SystemClock()
    ) throws -> OpenAICompatibleClient {
        try OpenAICompatibleClient(
            model: "m", endpoints: servers.map(\.baseURL), apiKey: key, settings: settings, random: SplitMix64(seed: 1),
            clock: clock)
    }

    static let question = CompletionRequest(
        prompt: .chat([.user("2+2?")]),
        parameters: SamplingParameters(temperature: 0.5, maxTokens: nil, seed: 11))

    func failure(_ body: () async throws -> CompletionResponse) async -> ModelClientError? {
        do {
            _ = try await body()
            return nil
        } catch let error as ModelClientError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func sendsTheEncodedRequestAndDecodesTheAnswer() async throws {
        let server = try StubHTTPServer(replies: [.json(Self.chat(["4"], prompt: 9, completion: 2))])
        let client = try Self.client([server], key: "sk-test")
        let response = try await client.complete(Self.question)
        #expect(response.samples.map(\.text) == ["4"])
        #expect(response.samples.first?.completionTokens == 2)
        #expect(response.cost.calls == 1 && response.cost.promptTokens == 9 && response.cost.completionTokens == 2)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST" && request.path == "/v1/chat/completions")
        #expect(request.headers["authorization"] == "Bearer sk-test")
        #expect(request.body == OpenAIRequestEncoder(model: "m", llamaCppExtensions: true).body(for: Self.question))
        #expect(client.identity == "openai:m@\(server.baseURL.absoluteString)")
        #expect(!client.identity.contains("sk-test"))
    }

    @Test func rawPromptsGoToCompletions() async throws {
        let body =
            #"{"choices":[{"index":0,"text":" 4","finish_reason":"length","logprobs":{"token_logprobs":[-1.0,-2.0]}}]}"#
        let server = try StubHTTPServer(replies: [.json(body)])
        let response = try await Self.client([server]).complete(
            CompletionRequest(
                prompt: .text("2+2="),
                parameters: SamplingParameters(temperature: nil, maxTokens: nil, logprobs: true)))
        #expect(
            response.samples == [
                Sample(
                    text: " 4", finishReason: "length", completionTokens: 2,
                    latency: response.samples.first?.latency, meanLogProbability: -1.5)
            ])
        #expect(server.requests.first?.path == "/v1/completions")
        #expect(server.requests.first?.headers["authorization"] == nil)
    }

    @Test func nativeManyIsOneRequest() async throws {
        let server = try StubHTTPServer(replies: [.json(Self.chat(["a", "b", "c"], completion: 9))])
        var request = Self.question
        request.parameters.n = 3
        let response = try await Self.client([server]).complete(request)
        #expect(response.samples.map(\.text) == ["a", "b", "c"])
        #expect(server.requests.count == 1)
        #expect(response.cost.calls == 1)
        #expect(response.tokenAccounting == .estimated)
    }

    @Test func anEndpointIgnoringNFansOutWithConsecutiveSeeds() async throws {
        let server = try StubHTTPServer { _, request in
            let seed = request.body.split(separator: ",").first { $0.hasPrefix(#""seed":"#) }?.dropFirst(7) ?? "none"
            return .json(Self.chat(["seed \(seed)"], prompt: 10, completion: 1))
        }
        let client = try Self.client([server])
        var request = Self.question
        request.parameters.n = 3
        let first = try await client.complete(request)
        #expect(first.samples.map(\.text) == ["seed 11", "seed 12", "seed 13"])
        #expect(first.cost.calls == 4)  // the native try, then three single requests
        #expect(first.cost.completionTokens == 4 && first.cost.promptTokens == 40)
        #expect(first.tokenAccounting == .exact)
        let bodies = server.requests.map(\.body)
        #expect(bodies[0].contains(#""n":3"#))
        #expect(bodies.dropFirst().allSatisfy { $0.contains(#""n":1"#) })
        // Remembered: the next request fans out at once.
        let second = try await client.complete(request)
        #expect(second.cost.calls == 3)
        #expect(server.requests.count == 7)
    }

    @Test func serverErrorsAreRetried() async throws {
        let server = try StubHTTPServer(replies: [.status(500, "oops"), .status(503), .json(Self.chat(["ok"]))])
        let response = try await Self.client([server]).complete(Self.question)
        #expect(response.samples.map(\.text) == ["ok"])
        #expect(response.cost.calls == 3)
        #expect(server.requests.count == 3)
    }

    @Test func retryAfterIsHonoured() async throws {
        let server = try StubHTTPServer(replies: [
            .status(429, #"{"error":{"message":"slow down"}}"#, retryAfter: "0.3"),
            .json(Self.chat(["ok"])),
        ])
        let clock = ManualClock()
        let client = try Self.client([server], clock: clock)
        let call = Task { try await client.complete(Self.question) }
        await clock.untilSleeping()
        #expect(clock.requestedSleeps == [0.3])
        #expect(server.requests.count == 1)  // the retry waits for the clock
        clock.advance(by: 0.3)
        let response = try await call.value
        #expect(response.samples.map(\.text) == ["ok"])
        #expect(server.requests.count == 2)
    }

    @Test func rateLimitsGiveUpAfterTheLastTryWithTheServersMessage() async throws {
        let server = try StubHTTPServer(replies: [.status(429, #"{"error":{"message":"slow down"}}"#, retryAfter: "0")])
        let error = await failure { try await Self.client([server]).complete(Self.question) }
        #expect(
            error
                == .serverError(endpoint: server.baseURL.absoluteString, status: 429, message: "slow down", attempts: 3)
        )
        #expect(server.requests.count == 3)
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let server = try StubHTTPServer(replies: [.status(400, #"{"error":{"message":"max_tokens must be positive"}}"#)]
        )
        let error = await failure { try await Self.client([server]).complete(Self.question) }
        #expect(
            error
                == .serverError(
                    endpoint: server.baseURL.absoluteString, status: 400, message: "max_tokens must be positive",
                    attempts: 1))
        #expect(error?.description.contains("max_tokens must be positive") == true)
        #expect(server.requests.count == 1)
    }

    @Test func timeoutsAreRetriedThenReported() async throws {
        // Held past the end of the test: every try times out.
        let server = try StubHTTPServer(replies: [.held(Self.chat(["late"]))])
        defer { server.release() }
        var settings = Self.fast
        settings.requestTimeout = 0.2
        settings.retry.maxAttempts = 2
        let error = await failure { try await Self.client([server], settings: settings).complete(Self.question) }
        #expect(error == .timedOut(endpoint: server.baseURL.absoluteString, seconds: 0.2, attempts: 2))
        #expect(server.requests.count == 2)
    }

    @Test func malformedJSONNeverBecomesASample() async throws {
        let server = try StubHTTPServer(replies: [.json(#"{"choices":[{"index":0,"message":{"content":"cut"#)])
        let error = await failure { try await Self.client([server]).complete(Self.question) }
        guard case .malformedResponse(_, let reason, let attempts)? = error else {
            Issue.record("expected a malformed response, got \(String(describing: error))")
            return
        }
        #expect(reason.hasPrefix("the body is not valid JSON"))
        #expect(attempts == 3)
    }

    @Test func resetAndTruncatedAnswersAreRetried() async throws {
        let truncated = StubHTTPServer.Reply(body: Self.chat(["partial"]), action: .truncate)
        let server = try StubHTTPServer(replies: [.reset, truncated, .json(Self.chat(["whole"]))])
        let response = try await Self.client([server]).complete(Self.question)
        #expect(response.samples.map(\.text) == ["whole"])
        #expect(server.requests.count == 3)
    }

    @Test func theAPIKeyNeverAppearsInAnError() async throws {
        let key = "sk-very-secret-0123"
        let server = try StubHTTPServer(replies: [
            .status(401, #"{"error":{"message":"Incorrect API key provided: \#(key)"}}"#)
        ])
        let error = await failure { try await Self.client([server], key: key).complete(Self.question) }
        let description = try #require(error).description
        #expect(description.contains("Incorrect API key provided: [redacted]"))
        #expect(!description.contains(key))
        #expect(!String(describing: error).contains(key))
        #expect(server.requests.first?.headers["authorization"] == "Bearer \(key)")
    }

    @Test func theKeyComesFromTheSpecsVariable() throws {
        let spec = try ModelSpec(parsing: "openai:http://127.0.0.1:9/v1/m?key=CHORUS_TEST_KEY")
        #expect(throws: ModelClientError.missingAPIKey(variable: "CHORUS_TEST_KEY")) {
            try OpenAICompatibleClient(spec: spec, environment: [:])
        }
        let client = try OpenAICompatibleClient(spec: spec, environment: ["CHORUS_TEST_KEY": "sk-1"])
        #expect(client.identity == "openai:m@http://127.0.0.1:9/v1")
        #expect(!ModelClientError.missingAPIKey(variable: "CHORUS_TEST_KEY").description.contains("sk-1"))
    }

    @Test func requestsSpreadRoundRobinAndAvoidAFailedEndpoint() async throws {
        let broken = try StubHTTPServer(replies: [.status(502, "bad gateway")])
        let healthy = try StubHTTPServer(replies: [.json(Self.chat(["ok"]))])
        var settings = Self.fast
        // A day: longer than any loaded machine takes over the four requests.
        settings.endpointCooldown = 86_400
        let client = try Self.client([broken, healthy], settings: settings)
        for _ in 0..<4 {
            #expect(try await client.complete(Self.question).samples.map(\.text) == ["ok"])
        }
        // The broken endpoint got one try, then rested for the whole run.
        #expect(broken.requests.count == 1)
        #expect(healthy.requests.count == 4)
    }

    @Test func allEndpointsDownIsAnError() async throws {
        let first = try StubHTTPServer(replies: [.reset])
        let second = try StubHTTPServer(replies: [.reset])
        let error = await failure { try await Self.client([first, second]).complete(Self.question) }
        guard case .connectionFailed(_, _, let attempts)? = error else {
            Issue.record("expected a connection failure, got \(String(describing: error))")
            return
        }
        #expect(attempts == 3)
        #expect(first.requests.count + second.requests.count == 3)
        #expect(first.requests.count >= 1 && second.requests.count >= 1)
    }

    @Test func connectionRefusedIsAConnectionError() async throws {
        let server = try StubHTTPServer(replies: [.reset])
        let url = server.baseURL
        server.stop()
        var settings = Self.fast
        settings.retry.maxAttempts = 2
        let client = try OpenAICompatibleClient(model: "m", endpoints: [url], settings: settings)
        let error = await failure { try await client.complete(Self.question) }
        guard case .connectionFailed(let endpoint, _, 2)? = error else {
            Issue.record("expected a connection failure, got \(String(describing: error))")
            return
        }
        #expect(endpoint == url.absoluteString)
    }

    @Test func concurrencyIsBounded() async throws {
        // Replies are held until three requests are in flight at once; then everything is answered.
        let server = try StubHTTPServer(replies: [.held(Self.chat(["x"]))])
        var settings = Self.fast
        settings.maxConcurrentRequests = 3
        let client = try Self.client([server], settings: settings)
        var request = Self.question
        request.parameters.n = 12
        await client.markFansOutForTesting()
        let call = Task { try await client.complete(request) }
        await server.untilReceived(3)
        #expect(server.maxInFlight == 3)
        server.release()
        let response = try await call.value
        #expect(response.samples.count == 12)
        #expect(server.requests.count == 12)
        #expect(server.maxInFlight == 3)
    }

    @Test func cancellationStopsAWaitingRequest() async throws {
        // The reply is held until the test releases it, after the call ended: only the cancellation can end it.
        let server = try StubHTTPServer(replies: [.held(Self.chat(["never"]))])
        defer { server.release() }
        let client = try Self.client([server])
        let task = Task { try await client.complete(Self.question) }
        await server.untilReceived(1)
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(server.requests.count == 1)
    }

    @Test func cancellationStopsRetrying() async throws {
        let server = try StubHTTPServer(replies: [.status(503, retryAfter: "5")])
        let clock = ManualClock()
        let client = try Self.client([server], clock: clock)
        let task = Task { try await client.complete(Self.question) }
        // Waiting out the Retry-After on a clock that never moves: only the cancellation can end it.
        await clock.untilSleeping()
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(server.requests.count == 1)
    }

    @Test func aRewardModelIsAskedAtTheServersPoolingEndpoint() async throws {
        let server = try StubHTTPServer(replies: [
            .json(
                #"{"object":"list","data":[{"index":0,"object":"pooling","data":[[0.1],[-0.2],[1.75]]}],"usage":{"prompt_tokens":12}}"#
            )
        ])
        let request = CompletionRequest(prompt: .reward([.user("2+2?"), ChatMessage(role: "assistant", content: "4")]))
        let response = try await Self.client([server]).complete(request)
        #expect(response.samples.map(\.score) == [1.75])
        #expect(response.samples.map(\.text) == ["1.75"])
        let sent = try #require(server.requests.first)
        #expect(sent.path == "/pooling")
        #expect(
            sent.body
                == #"{"messages":[{"content":"2+2?","role":"user"},{"content":"4","role":"assistant"}],"model":"m"}"#)
    }
}
