import ChorusTestSupport
import Foundation
import Synchronization
import Testing

@testable import ChorusEngine

/// Streaming (`"stream": true` while a `TokenStreamWatch` watches) against a stub server: the samples
/// are those of the plain answer, a broken stream is never a sample, and servers that do not stream
/// well get the plain request.
@Suite struct OpenAICompatibleClientStreamingTests {
    typealias Stream = OpenAIStreamDecoderTests

    /// `events` as a whole answer: a `text/event-stream` head, the events, then the connection closes.
    static func streamed(_ events: String) -> StubHTTPServer.Reply {
        .raw("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n" + events)
    }

    /// The answer "The answer is 4" in three pieces, with its usage.
    static let answer = Stream.events([
        Stream.delta("The "), Stream.delta("answer "), Stream.delta("is 4", finish: "stop"), Stream.usage,
    ])

    static let plainAnswer =
        #"{"choices":[{"index":0,"message":{"role":"assistant","content":"The answer is 4"},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":3}}"#

    static let once = OpenAICompatibleClient.Settings(
        maxConcurrentRequests: 8, requestTimeout: 60, retry: RetryPolicy(maxAttempts: 1))

    /// What a watch saw: each call's snapshot.
    final class Seen: Sendable {
        let snapshots = Mutex<[TokenStreamWatch.Snapshot]>([])
        func watch() -> TokenStreamWatch {
            TokenStreamWatch { [self] watch in snapshots.withLock { $0.append(watch.snapshot) } }
        }
        var all: [TokenStreamWatch.Snapshot] { snapshots.withLock { $0 } }
    }

    func complete(
        _ server: StubHTTPServer, watch: TokenStreamWatch? = TokenStreamWatch(),
        settings: OpenAICompatibleClient.Settings = OpenAICompatibleClientTests.fast,
        request: CompletionRequest = OpenAICompatibleClientTests.question
    ) async throws -> CompletionResponse {
        let client = try OpenAICompatibleClientTests.client([server], settings: settings)
        return try await TokenStreamWatch.$current.withValue(watch) { try await client.complete(request) }
    }

    /// Samples without their latency, which differs from run to run.
    func timeless(_ samples: [Sample]) -> [Sample] {
        samples.map {
            var sample = $0
            sample.latency = nil
            return sample
        }
    }

    @Test func withoutAWatchNothingStreams() async throws {
        let server = try StubHTTPServer(replies: [.json(Self.plainAnswer)])
        _ = try await complete(server, watch: nil)
        #expect(server.requests.first?.body.contains("stream") == false)
    }

    @Test func aStreamedAnswerIsStoredAsThePlainAnswerIs() async throws {
        let plain = try await complete(try StubHTTPServer(replies: [.json(Self.plainAnswer)]), watch: nil)
        let server = try StubHTTPServer(replies: [Self.streamed(Self.answer)])
        let seen = Seen()
        let streamed = try await complete(server, watch: seen.watch())
        #expect(timeless(streamed.samples) == timeless(plain.samples))
        #expect(streamed.samples.first?.completionTokens == 3)
        #expect(streamed.cost.completionTokens == plain.cost.completionTokens)
        let body = try #require(server.requests.first?.body)
        #expect(body.contains(#""stream":true"#) && body.contains(#""stream_options":{"include_usage":true}"#))
        #expect(seen.all.last?.pieces == 3)
        #expect(seen.all.last?.tail == "The answer is 4")
    }

    /// The way `https` goes (URLSession, here over plain `http` to the stub) streams too: the text is
    /// seen as it arrives and the sample is the plain answer's.
    @Test func theURLSessionWayStreamsToo() async throws {
        var settings = OpenAICompatibleClientTests.fast
        settings.plainHTTPOverSockets = false
        let plain = try await complete(
            try StubHTTPServer(replies: [.json(Self.plainAnswer)]), watch: nil, settings: settings)
        let server = try StubHTTPServer(replies: [Self.streamed(Self.answer)])
        let seen = Seen()
        let streamed = try await complete(server, watch: seen.watch(), settings: settings)
        #expect(timeless(streamed.samples) == timeless(plain.samples))
        #expect(server.requests.first?.body.contains(#""stream":true"#) == true)
        #expect(seen.all.last?.pieces == 3)
        #expect(seen.all.last?.tail == "The answer is 4")
    }

    @Test func textIsSeenAsItArrivesAndNoLongerCountsOnceAnswered() async throws {
        // The body comes in four pieces, a moment apart, so the watch sees it grow.
        let server = try StubHTTPServer(replies: [
            StubHTTPServer.Reply(body: Self.answer, delay: 0.02, action: .slowBody)
        ])
        let seen = Seen()
        let watch = seen.watch()
        let response = try await complete(server, watch: watch)
        #expect(response.samples.map(\.text) == ["The answer is 4"])
        let counts = seen.all.map(\.pieces)
        #expect(counts.count > 1 && counts == counts.sorted() && counts.last == 3)
        #expect(watch.snapshot.pieces == 0)
        #expect(watch.snapshot.servingSince != nil)
    }

    @Test func aStreamCutOffIsRetriedAndNeverAnAnswer() async throws {
        let cut = Self.streamed(Stream.events([Stream.delta("The answ")], done: false))
        let chunkedCut = StubHTTPServer.Reply.raw(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "40\r\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The")
        let server = try StubHTTPServer(replies: [cut, chunkedCut, Self.streamed(Self.answer)])
        let response = try await complete(server)
        #expect(response.samples.map(\.text) == ["The answer is 4"])
        #expect(server.requests.count == 3)

        let failing = try StubHTTPServer(replies: [cut])
        do {
            _ = try await complete(failing, settings: Self.once)
            Issue.record("a cut-off stream was taken as an answer")
        } catch ModelClientError.malformedResponse(_, let reason, _) {
            #expect(reason == "the stream ended before `data: [DONE]`")
        }
    }

    @Test func aMalformedDataLineIsAMalformedAnswer() async throws {
        let server = try StubHTTPServer(replies: [Self.streamed("data: {\"choices\":[{\"index\":0,\"delta\n\n")])
        do {
            _ = try await complete(server)
            Issue.record("a malformed chunk was taken as an answer")
        } catch ModelClientError.malformedResponse(_, let reason, let attempts) {
            #expect(reason.hasPrefix("a streamed chunk is not valid JSON"))
            #expect(attempts == 3)
        }
    }

    @Test func aStreamWithoutUsageIsAskedAgainPlainlyAndTheEndpointIsRemembered() async throws {
        let noUsage = Self.streamed(Stream.events([Stream.delta("The answer is 4", finish: "stop")]))
        let server = try StubHTTPServer(replies: [noUsage, .json(Self.plainAnswer)])
        let client = try OpenAICompatibleClientTests.client([server], settings: Self.once)
        let responses = try await TokenStreamWatch.$current.withValue(TokenStreamWatch()) {
            [
                try await client.complete(OpenAICompatibleClientTests.question),
                try await client.complete(OpenAICompatibleClientTests.question),
            ]
        }
        #expect(responses.map { $0.samples.first?.completionTokens } == [3, 3])
        #expect(server.requests.map { $0.body.contains("stream") } == [true, false, false])
    }

    @Test func aServerRefusingTheStreamGetsThePlainRequestWithoutUsingATry() async throws {
        let server = try StubHTTPServer(replies: [
            .status(400, #"{"error":{"message":"stream is not supported"}}"#), .json(Self.plainAnswer),
        ])
        let response = try await complete(server, settings: Self.once)
        #expect(response.samples.map(\.text) == ["The answer is 4"])
        #expect(server.requests.map { $0.body.contains("stream") } == [true, false])
    }

    /// A 400 to the plain request too is the request's fault, not the stream's: it fails, and the
    /// endpoint is asked to stream again next time.
    @Test func aRequestRefusedPlainlyTooLeavesTheEndpointStreaming() async throws {
        let server = try StubHTTPServer(replies: [.status(400, #"{"error":{"message":"temperature too high"}}"#)])
        let client = try OpenAICompatibleClientTests.client([server], settings: Self.once)
        for _ in 0..<2 {
            await #expect(throws: ModelClientError.self) {
                try await TokenStreamWatch.$current.withValue(TokenStreamWatch()) {
                    try await client.complete(OpenAICompatibleClientTests.question)
                }
            }
        }
        #expect(server.requests.map { $0.body.contains("stream") } == [true, false, true, false])
    }

    @Test func aServerThatAnswersPlainlyIsReadPlainly() async throws {
        let server = try StubHTTPServer(replies: [.json(Self.plainAnswer)])
        let response = try await complete(server)
        #expect(response.samples.map(\.text) == ["The answer is 4"])
        #expect(server.requests.count == 1)
    }

    @Test func nativeNStreamsAsThePlainAnswerSplitsIt() async throws {
        var request = OpenAICompatibleClientTests.question
        request.parameters.n = 2
        let plain = try await complete(
            try StubHTTPServer(replies: [.json(OpenAICompatibleClientTests.chat(["A1A2", "B1B2"], completion: 3))]),
            watch: nil, request: request)
        let events = Stream.events([
            Stream.delta("B1", index: 1), Stream.delta("A1", index: 0), Stream.delta("B2", index: 1, finish: "stop"),
            Stream.delta("A2", index: 0, finish: "stop"),
            #"{"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":3}}"#,
        ])
        let streamed = try await complete(try StubHTTPServer(replies: [Self.streamed(events)]), request: request)
        #expect(timeless(streamed.samples) == timeless(plain.samples))
        #expect(streamed.tokenAccounting == plain.tokenAccounting)
    }

    @Test func rewardRequestsNeverStream() async throws {
        let server = try StubHTTPServer(replies: [.json(#"{"data":[{"data":[0.5]}],"usage":{"prompt_tokens":4}}"#)])
        let request = CompletionRequest(prompt: .reward([.user("q"), ChatMessage(role: "assistant", content: "a")]))
        _ = try await complete(server, request: request)
        #expect(server.requests.first?.body.contains("stream") == false)
    }
}
