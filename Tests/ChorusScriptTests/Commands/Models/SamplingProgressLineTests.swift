import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite struct SamplingProgressLineTests {
    /// 4 of 8 samples, 2 from the store, 2 drawn in 2 calls of 50 tokens over 10 s of serving.
    let progress = SamplingProgress(
        total: 8, reused: 2, drawn: 2, completionTokens: 100, calls: 2, elapsed: 12, serving: 10)

    @Test func theLineGivesTheSummarysCountsTheRateAndTheTimeLeft() {
        #expect(
            SamplingProgressLine.render(progress)
                == "sampling 4/8 (2 from the store) · 2 calls · 100 tokens · 10 tok/s · ETA 20.00 s")
        #expect(
            SamplingProgressLine.render(
                SamplingProgress(total: 3, reused: 0, drawn: 0, completionTokens: 0, elapsed: 0))
                == "sampling 0/3")
    }

    @Test func streamingTextCountsAndShowsItsEndWithinTheWidth() {
        let live = TokenStreamWatch.Snapshot(pieces: 20, servingSince: 100, tail: "so the answer\nis \\boxed{4}")
        let line = SamplingProgressLine.render(progress, live: live, now: 112, runStarted: 99, width: 120)
        #expect(
            line
                == "sampling 4/8 (2 from the store) · 2 calls · 120 tokens · 10 tok/s · ETA 20.00 s  …so the answer is \\boxed{4}"
        )
        let narrow = SamplingProgressLine.render(progress, live: live, now: 112, runStarted: 99, width: 100)
        #expect(narrow.count == 99)
        #expect(narrow.hasSuffix("s  …swer is \\boxed{4}"))
        // The run began after the first stream (an earlier round's): its rate runs from the run's start.
        #expect(SamplingProgressLine.render(progress, live: live, now: 112, runStarted: 106).contains(" 20 tok/s"))
    }

    @Test func aNarrowTerminalCutsTheCountsAndDropsTheText() {
        let live = TokenStreamWatch.Snapshot(pieces: 1, servingSince: 0, tail: "text")
        let line = SamplingProgressLine.render(progress, live: live, now: 1, width: 30)
        #expect(line == "sampling 4/8 (2 from the sto…")
    }

    @Test func theModelsTextCannotMoveTheCursorOrColourTheLine() {
        let live = TokenStreamWatch.Snapshot(
            pieces: 1, servingSince: 0, tail: "a\u{1B}[2J\u{1B}]0;x\u{07}b\r\u{202E}c\t\td")
        let line = SamplingProgressLine.render(progress, live: live, now: 1, width: 200, colour: true)
        #expect(line.hasSuffix("  \u{1B}[2m…a [2J ]0;x b c d\u{1B}[0m"))
        #expect(line.filter { $0 == "\u{1B}" }.count == 2)
    }

    /// A `text/event-stream` answer of "The answer is 4" in pieces, with its usage.
    static let streamedAnswer = StubHTTPServer.Reply.raw(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
            + ["The ", "answer ", "is \\\\boxed{4}"].map {
                #"data: {"choices":[{"index":0,"delta":{"content":"\#($0)"},"finish_reason":null}]}"# + "\n\n"
            }.joined()
            + #"data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"# + "\n\n"
            + #"data: {"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":3}}"# + "\n\ndata: [DONE]\n\n")

    @Test func onATerminalSamplesStreamAndTheLineAgreesWithTheSummary() async throws {
        let server = try StubHTTPServer(replies: [Self.streamedAnswer])
        let harness = Harness(output: CapturedOutput(terminalWidth: 120, showsProgress: true))
        let script = """
            gen = model "openai:\(server.baseURL.absoluteString)/m"
            data = builtin arithmetic count: 1 seed: 1
            s = sample gen data n: 1 seed: 3
            """
        #expect(await harness.run(script) == report(succeeded: 3))
        #expect(server.requests.first?.body.contains(#""stream":true"#) == true)
        let lines = harness.output.progress
        #expect(lines.last == .some(nil))
        let shown = lines.compactMap { $0 }
        #expect(shown.last?.hasPrefix("sampling 1/1 · 1 call · 3 tokens") == true)
        #expect(
            harness.output.error.contains(
                "1 drawn from openai:m@http://127.0.0.1:\(server.port)/v1 (1 call, 3 completion tokens"))
        let stored = try #require(await harness.store.samples(after: nil, limit: 10).first)
        #expect(stored.sample.text == "The answer is \\boxed{4}" && stored.sample.completionTokens == 3)
    }

    @Test func onAPipeNothingStreams() async throws {
        let server = try StubHTTPServer(replies: [
            .json(
                #"{"choices":[{"index":0,"message":{"content":"\\boxed{4}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":3}}"#
            )
        ])
        let harness = Harness()
        let script = """
            gen = model "openai:\(server.baseURL.absoluteString)/m"
            data = builtin arithmetic count: 1 seed: 1
            s = sample gen data n: 1 seed: 3
            """
        #expect(await harness.run(script) == report(succeeded: 3))
        #expect(server.requests.first?.body.contains("stream") == false)
        #expect(harness.output.progress.isEmpty)
    }
}
