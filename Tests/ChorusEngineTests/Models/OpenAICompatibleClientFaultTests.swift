import ChorusTestSupport
import Foundation
import Synchronization
import Testing

@testable import ChorusEngine

/// The fault matrix: every way a server can misbehave, polite or hostile, against one scripted
/// `StubHTTPServer`. Each row says what the client must make of it (an answer, a retried error, or a
/// final one); every row then checks that a failed sample is never stored and that the same client
/// draws it once the server is healthy again. Retry waits run on a `ManualClock`.
@Suite struct OpenAICompatibleClientFaultTests {
    /// What the client reports when a fault persists.
    enum Kind: Sendable {
        case server, connection, timeout, malformed, tooLarge
    }

    /// What the client makes of a fault.
    enum Outcome: Sendable {
        /// Not a fault: the answer is read.
        case answers
        /// Retried; after the last try, an error of this kind.
        case retried(Kind)
        /// Not retried: one try, an error of this kind.
        case final(Kind)
    }

    /// One row of the matrix.
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var reply: StubHTTPServer.Reply
        var outcome: Outcome
        var requestTimeout: Double = 60
        var testDescription: String { name }
    }

    static let good = OpenAICompatibleClientTests.chat(["so \\boxed{4}"])
    static let cap = 1 << 20

    /// A 200 answer as raw bytes: `head` lines after the status line, then `body` as it is.
    static func raw(_ head: [String], _ body: String, status: String = "HTTP/1.1 200 OK") -> StubHTTPServer.Reply {
        .raw(([status] + head + ["Connection: close", "", ""]).joined(separator: "\r\n") + body)
    }

    static func chunked(_ framing: String) -> StubHTTPServer.Reply {
        raw(["Content-Type: application/json", "Transfer-Encoding: chunked"], framing)
    }

    static let rows: [Row] = [
        // The polite faults.
        Row(name: "500", reply: .status(500, #"{"error":"overloaded"}"#), outcome: .retried(.server)),
        Row(
            name: "429 with Retry-After", reply: .status(429, #"{"error":"slow"}"#, retryAfter: "7"),
            outcome: .retried(.server)),
        Row(name: "connection reset", reply: .reset, outcome: .retried(.connection)),
        Row(name: "truncated body", reply: .init(body: good, action: .truncate), outcome: .retried(.connection)),
        Row(
            name: "malformed JSON", reply: .json(#"{"choices":[{"index":0,"message":{"content":"cut"#),
            outcome: .retried(.malformed)),
        Row(
            name: "an HTML page", reply: .init(body: "<html><body>502 Bad Gateway</body></html>"),
            outcome: .retried(.malformed)),
        Row(name: "a slow body", reply: .init(body: good, delay: 0.01, action: .slowBody), outcome: .answers),
        Row(name: "a hang", reply: .held(good), outcome: .retried(.timeout), requestTimeout: 0.2),
        // Chunked framing (table row 3).
        Row(
            name: "chunk extensions and trailers",
            reply: chunked("\(String(good.utf8.count, radix: 16));name=value\r\n\(good)\r\n0\r\nX-Checksum: 1\r\n\r\n"),
            outcome: .answers),
        Row(name: "chunk size -5", reply: chunked("-5\r\nhello\r\n0\r\n\r\n"), outcome: .retried(.malformed)),
        Row(
            name: "chunk size 7fffffffffffffff", reply: chunked("7fffffffffffffff\r\nhello\r\n0\r\n\r\n"),
            outcome: .final(.tooLarge)),
        Row(
            name: "chunk size that overflows", reply: chunked("fffffffffffffffff\r\nhello\r\n0\r\n\r\n"),
            outcome: .retried(.malformed)),
        Row(name: "chunk size not hex", reply: chunked("zz\r\nhello\r\n0\r\n\r\n"), outcome: .retried(.malformed)),
        Row(
            name: "chunk longer than its size", reply: chunked("3\r\nhello\r\n0\r\n\r\n"),
            outcome: .retried(.malformed)),
        Row(name: "chunked body cut short", reply: chunked("40\r\n{\"choices\":"), outcome: .retried(.connection)),
        // Lengths, status line and headers.
        Row(name: "Content-Length -1", reply: raw(["Content-Length: -1"], good), outcome: .retried(.malformed)),
        Row(
            name: "Content-Length not a number", reply: raw(["Content-Length: 12abc"], good),
            outcome: .retried(.malformed)),
        Row(
            name: "Content-Length past Int", reply: raw(["Content-Length: 99999999999999999999999"], good),
            outcome: .retried(.malformed)),
        Row(
            name: "Content-Length longer than the body", reply: raw(["Content-Length: 5000"], good),
            outcome: .retried(.connection)),
        Row(
            name: "status line not HTTP", reply: raw([], good, status: "HTTX/1.1 200 OK"),
            outcome: .retried(.malformed)),
        Row(
            name: "status code 2000", reply: raw([], good, status: "HTTP/1.1 2000 OK"),
            outcome: .retried(.malformed)),
        Row(
            name: "too many header fields", reply: raw((0..<200).map { "X-Field-\($0): 1" }, good),
            outcome: .final(.tooLarge)),
        Row(
            name: "a 100 KiB header line", reply: raw(["X-Big: " + String(repeating: "a", count: 100_000)], good),
            outcome: .final(.tooLarge)),
        // Size (table row 4): the cap is 1 MiB here.
        Row(
            name: "over-size body with a length", reply: raw(["Content-Length: \(2 << 20)"], good),
            outcome: .final(.tooLarge)),
        Row(
            name: "over-size body without a length", reply: .init(action: .flood(count: 64 << 20)),
            outcome: .final(.tooLarge)),
        Row(name: "over-size chunk", reply: chunked("200000\r\n" + good), outcome: .final(.tooLarge)),
        // No content (table row 11).
        Row(
            name: "content null",
            reply: .json(
                #"{"choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"stop"}]}"#),
            outcome: .retried(.malformed)),
        Row(
            name: "content missing",
            reply: .json(#"{"choices":[{"index":0,"message":{"role":"assistant"},"finish_reason":"stop"}]}"#),
            outcome: .retried(.malformed)),
        Row(
            name: "empty choices", reply: .json(#"{"choices":[],"usage":{"prompt_tokens":3}}"#),
            outcome: .retried(.malformed)),
    ]

    @Test(arguments: rows) func aFaultHasItsOutcomeAndNothingWrongIsStored(_ row: Row) async throws {
        let healthy = Mutex(false)
        let server = try StubHTTPServer { _, _ in healthy.withLock { $0 } ? .json(Self.good) : row.reply }
        defer { server.stop() }
        let clock = ManualClock()
        let client = try OpenAICompatibleClient(
            model: "m", endpoints: [server.baseURL],
            settings: OpenAICompatibleClient.Settings(
                requestTimeout: row.requestTimeout, retry: RetryPolicy(maxAttempts: 3), maxResponseBytes: Self.cap),
            random: SplitMix64(seed: 1), clock: clock)
        let question = OpenAICompatibleClientTests.question

        // The fault on every try.
        let result = await Self.settle(Task { try await client.complete(question) }, clock: clock)
        switch row.outcome {
        case .answers:
            #expect(try result.get().samples.map(\.text) == ["so \\boxed{4}"])
            #expect(server.requests.count == 1)
        case .retried(let kind), .final(let kind):
            let tries = if case .retried = row.outcome { 3 } else { 1 }
            #expect(throws: (any Error).self) { try result.get() }
            if case .failure(let error) = result {
                #expect(Self.kind(error) == kind, "\(error)")
                #expect(Self.attempts(error) == tries, "\(error)")
            }
            #expect(server.requests.count == tries, "\(result)")
        }
        if case .retried = row.outcome, row.name.hasPrefix("429") {
            #expect(clock.requestedSleeps.contains(7))
        }
        if case .final(.tooLarge) = row.outcome, case .flood = row.reply.action {
            // The client stopped reading at the cap: the server could not send the rest.
            #expect(server.floodedBytes < 32 << 20)
        }

        // The same fault while sampling: nothing is stored; once the server is healthy, the same
        // client and store draw exactly the missing sample.
        if case .answers = row.outcome { return }
        do {
            let store = InMemorySampleStore()
            let dataset = try Dataset.builtIn(named: "arithmetic", count: 1, seed: 1)
            let parameters = SamplingParameters(n: 1, seed: 1)
            let sampler = Sampler(client: client, store: store, clock: clock)
            let failed = await Self.settle(
                Task { try await sampler.sample(dataset, parameters: parameters, name: "s") }, clock: clock)
            #expect(throws: (any Error).self) { try failed.get() }
            #expect(await store.count() == 0)
            healthy.withLock { $0 = true }
            let rerun = await Self.settle(
                Task { try await sampler.sample(dataset, parameters: parameters, name: "s") }, clock: clock)
            let outcome = try rerun.get()
            #expect(outcome.drawn == 1 && outcome.reused == 0)
            #expect(outcome.samples.entries.first?.samples.map(\.text) == ["so \\boxed{4}"])
            #expect(await store.count() == 1)
        }
    }

    /// The task's result, advancing `clock` past every retry wait (and endpoint rest) it asks for.
    static func settle<T: Sendable>(_ task: Task<T, any Error>, clock: ManualClock) async -> Result<T, any Error> {
        let driver = Task {
            while !Task.isCancelled {
                await clock.untilSleeping(1)
                clock.advance(by: 3600)
            }
        }
        let result = await task.result
        driver.cancel()
        // The driver may be waiting for a sleeper: one of our own wakes it; cancelled, it ends too.
        let poke = Task { try? await clock.sleep(seconds: 1) }
        await driver.value
        poke.cancel()
        await poke.value
        return result
    }

    static func kind(_ error: any Error) -> Kind? {
        switch error as? ModelClientError {
        case .serverError?: .server
        case .connectionFailed?: .connection
        case .timedOut?: .timeout
        case .malformedResponse?: .malformed
        case .responseTooLarge?: .tooLarge
        default: nil
        }
    }

    static func attempts(_ error: any Error) -> Int? {
        switch error as? ModelClientError {
        case .serverError(_, _, _, let attempts)?, .connectionFailed(_, _, let attempts)?,
            .timedOut(_, _, let attempts)?, .malformedResponse(_, _, let attempts)?,
            .responseTooLarge(_, _, let attempts)?:
            attempts
        default: nil
        }
    }
}
