import ChorusEngine
import Testing

@testable import ChorusScript

@Suite("best_of")
struct BestOfCommandTests {
    @Test func picksTheHighestScoredSample() async throws {
        let harness = Harness()
        let value = try EngineFixtures.sampleSetValue([
            (
                gold: "2",
                samples: [
                    Sample(text: "\\boxed{1}", score: 0.1), Sample(text: "\\boxed{1}", score: 0.2),
                    Sample(text: "\\boxed{2}", score: 0.8),
                ]
            )
        ])
        await harness.session.assign("s", .object(value))
        #expect(await harness.run("b = best_of s\nb.accuracy\nv = vote s\nv.accuracy") == report(succeeded: 4))
        #expect(harness.output.output == "1.0\n0.0\n")
    }

    @Test func samplesWithoutAScoreArePassedOverWithANote() async throws {
        let harness = Harness()
        let value = try EngineFixtures.sampleSetValue([
            (
                gold: "2",
                samples: [
                    Sample(text: "\\boxed{1}"), Sample(text: "\\boxed{2}", score: 0.3),
                    Sample(text: "\\boxed{1}", score: 0.2),
                ]
            )
        ])
        await harness.session.assign("s", .object(value))
        #expect(await harness.run("b = best_of s\nb.accuracy") == report(succeeded: 2))
        #expect(harness.output.output == "1.0\n")
        // A warning diagnostic at the samples argument, as transcripts show errors.
        #expect(
            harness.output.error == """
                t.chorus:1:13: warning: 1 sample without a score passed over
                1 | b = best_of s
                  |             ^

                """)
    }

    @Test func anUnscoredSetAndABadKAreErrors() async throws {
        let (harness, _) = try await EngineFixtures.harnessWithSamples()
        #expect(await harness.run("best_of s") == report(failed: 1))
        #expect(harness.output.error.contains("no sample has a score"))
        #expect(harness.output.error.contains("score s with: judge"))
        #expect(await harness.run("best_of s k: 4") == report(failed: 1))
        #expect(harness.output.error.contains("`k` is 4 but some problem has only 3 samples"))
    }
}
