import ChorusEngine
import Testing

@testable import ChorusScript

@Suite("refine")
struct RefineCommandTests {
    @Test func refinesAndReportsTheGapAndRecoveries() async throws {
        // The candidates: tiny-1 (gold 5) 5, 4, 5 and tiny-2 (gold 2.5) 2.5, 5/2, none have a right
        // majority; tiny-3 (gold 7) 7, 8, 8 a wrong one. The refiner always answers 7.
        let harness = try await Harness.withCombiningModel(answering: "Step by step... so \\boxed{7}")
        #expect(await harness.run("r = refine s with: m k: 3\nr") == report(succeeded: 2))
        #expect(harness.output.output.hasPrefix("sample set refine@3 (fixed): 3 problems × 1 samples, pass@1 33.3%"))
        // maj@3 of the candidates: 1 + 1 + 0 of 3; refined: 1 of 3 → gap −33.3 points.
        #expect(
            harness.output.error.contains(
                "refine: gap −33.3 points over maj@3 of the candidates; recovered 0 problems where every candidate was wrong; lost 2 where the majority was right"
            ))
    }

    @Test func recoveringWhenEveryCandidateIsWrongIsCounted() async throws {
        let harness = try await Harness.withCombiningModel(answering: "\\boxed{7}")
        // One wrong candidate per problem; the refiner's 7 is right for tiny-3.
        await harness.run("w = responses d [['\\\\boxed{1}'], ['\\\\boxed{1}'], ['\\\\boxed{1}']]")
        #expect(await harness.run("refine w with: m k: 1") == report(succeeded: 1))
        #expect(harness.output.error.contains("recovered 1 problem where every candidate was wrong; lost 0"))
    }

    @Test func roundsRefineTheRefinedAnswers() async throws {
        let harness = try await Harness.withCombiningModel(answering: "\\boxed{5}")
        #expect(await harness.run("r = refine s with: m k: 2 n: 2 rounds: 2\nr.name") == report(succeeded: 2))
        #expect(harness.output.error.contains("refine round 1: 0 from the store, 6 drawn"))
        #expect(harness.output.error.contains("refine round 2: 0 from the store, 6 drawn"))
        #expect(harness.output.output == "\"refine@2×2 (fixed)\"\n")
        #expect(await harness.run("refine s with: m rounds: 0") == report(failed: 1))
    }

    @Test func laterRoundsNeedNAnswersForK() async throws {
        let harness = try await Harness.withCombiningModel(answering: "\\boxed{5}")
        #expect(await harness.run("refine s with: m k: 2 rounds: 2") == report(failed: 1))
        #expect(
            harness.output.error.contains(
                "error: `k` is 2 but a round after the first reads only the n: 1 answers of the round before"))
        #expect(await harness.run("r = refine s with: m k: 2 rounds: 2 clamp: true\nr.name") == report(succeeded: 2))
        #expect(harness.output.output == "\"refine@1×2 (fixed)\"\n")
    }
}
