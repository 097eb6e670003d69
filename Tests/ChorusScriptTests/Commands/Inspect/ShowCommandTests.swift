import ChorusEngine
import ChorusTestSupport
import Synchronization
import Testing

@testable import ChorusScript

/// Output to a terminal of a given width, with colour.
final class TerminalOutput: OutputSink {
    let captured = CapturedOutput()
    let terminalWidth: Int?

    init(width: Int) { terminalWidth = width }

    var usesColour: Bool { true }
    func write(_ text: String) { captured.write(text) }
    func writeError(_ text: String) { captured.writeError(text) }
}

@Suite("show")
struct ShowCommandTests {
    @Test func showsAProblemWithEverySampleFolded() async throws {
        let harness = try await InspectFixtures.harness()
        #expect(await harness.run("show s 0") == report(succeeded: 1))
        #expect(
            harness.output.output == """
                problem 0 · arith-1-0 · samples
                question: Victor ate 1/3 of a cherry pie, and Quinn ate 3/10 of the same cherry
                          pie. What fraction of the cherry pie did they eat altogether?
                gold: 19/30
                majority: 19/30 · right · 1 of 4 samples right
                sample 0 · answer 19/30 · right · finish stop · 12 tokens
                    so \\boxed{19/30}
                sample 1 · answer 1 · wrong · finish stop · 9 tokens
                    so \\boxed{1}
                sample 2 · answer 19 · truncated · finish length · 64 tokens
                    Let me add \\boxed{19
                sample 3 · no answer · unparseable · finish stop · 30 tokens
                    thinking about alpha
                    thinking about beta
                    … 5 lines hidden (`full: true` shows them) …
                    thinking about theta
                    thinking about iota

                """)
        await harness.run("show s 0 full: true")
        #expect(
            harness.output.output.hasSuffix(
                InspectFixtures.longResponse.split(separator: "\n").map { "    \($0)\n" }.joined()))
    }

    @Test func showsOneSampleWholeAndAResultsCandidates() async throws {
        let harness = try await InspectFixtures.harness()
        await harness.run("show s[1][3]")
        #expect(
            harness.output.output == """
                problem arith-1-1
                sample 3 · no answer · unparseable · finish stop · 30 tokens
                """ + "\n" + InspectFixtures.longResponse.split(separator: "\n").map { "    \($0)\n" }.joined())
        let result = try await InspectFixtures.harness()
        await result.run("v = vote s k: 2\nshow v \"arith-1-1\"")
        #expect(
            result.output.output.hasSuffix(
                """
                gold: 65
                answer: 19/30 · wrong
                candidates: the first 2 samples
                  sample 0 · answer 19/30 · wrong · finish stop · 12 tokens
                  sample 1 · answer 1 · wrong · finish stop · 9 tokens

                """))
    }

    @Test func aCombinersSetShowsTheCandidatesItSawAndItsResponse() async throws {
        let harness = try await InspectFixtures.harness()
        await harness.session.assign(
            "m",
            .object(
                ModelValue(
                    client: FixedAnswerModel(identity: "fake:fixed", text: "<answer>65</answer>"),
                    detail: "fixed")))
        await harness.run("a = aggregate s with: m k: 2\nshow a 1\na[1].response\na[1][0].candidates")
        #expect(harness.output.error.contains("aggregate: 0 from the store"))
        #expect(
            harness.output.output.contains(
                """
                answer: 65 · right · 1 of 1 sample right
                candidates: the samples of samples its prompts showed
                  sample 0 · answer 19/30 · wrong · finish stop · 12 tokens
                  sample 1 · answer 1 · wrong · finish stop · 9 tokens
                response 0 · answer 65 · right · finish unknown · 6 tokens · saw 0, 1
                    <answer>65</answer>
                "<answer>65</answer>"
                [0, 1]

                """))
    }

    @Test func wrapsToTheTerminalAndColoursThere() async throws {
        let terminal = TerminalOutput(width: 40)
        let harness = try await InspectFixtures.harness()
        let session = Session(
            registry: .standard, output: terminal, clock: ManualClock(),
            services: SessionServices(environment: [:], store: harness.store))
        await session.assign("s", try #require(await harness.variable("s")))
        let report = await session.execute(
            SourceFile(name: "t", text: "show s 0"), options: Session.Options(), recorded: true)
        #expect(report.succeeded == 1)
        let text = terminal.captured.output
        #expect(terminal.captured.error == "")
        #expect(text.contains("\u{1B}[32mright\u{1B}[0m"))
        let plain = text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(plain.split(separator: "\n").allSatisfy { $0.count <= 40 })
        #expect(plain.contains("question: Victor ate 1/3 of a cherry\n          pie, and Quinn ate"))
    }

    @Test func onAPipeTextIsPlainAndWrapsAt80() async throws {
        let harness = try await InspectFixtures.harness()
        await harness.run("show data 0\nshow data 0 width: 30")
        #expect(!harness.output.output.contains("\u{1B}"))
        let lines = harness.output.output.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.contains { $0.count > 30 } && lines.filter { $0.hasPrefix("question:") }.count == 2)
    }

    @Test func errorsSayWhatToGive() async throws {
        let harness = try await InspectFixtures.harness()
        await harness.run("show s")
        #expect(harness.output.error.contains("error: `show` shows one problem at a time"))
        #expect(harness.output.error.contains("hint: say which: `show s 0` … `show s 1`, or `show s -1` for the last"))
        await harness.run("show s 9")
        #expect(harness.output.error.contains("t.chorus:1:8: error: index 9 is out of range for the 2 problems"))
        await harness.run("show 3")
        #expect(harness.output.error.contains("`show` shows a problem or a sample, not int"))
        await harness.run("show s 0 width: 5")
        #expect(harness.output.error.contains("`width` must be between 20 and 1000, not 5"))
    }
}
