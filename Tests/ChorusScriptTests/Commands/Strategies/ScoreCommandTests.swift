import ChorusEngine
import Testing

@testable import ChorusScript

@Suite("score")
struct ScoreCommandTests {
    @Test func aJudgeScoresEverySampleForBestOf() async throws {
        let harness = try await Harness.withCombiningModel(answering: "looks right <score>8</score>")
        #expect(
            await harness.run("scored = score s with: m k: 2\nb = best_of scored k: 2\nb.name") == report(succeeded: 3))
        #expect(harness.output.output == "\"best@2\"\n")
        #expect(
            harness.output.error
                == "score: 0 from the store, 6 drawn from fake:fixed (6 calls, 36 completion tokens, 0 ms)\n")
    }

    @Test func unreadableJudgementsAreCountedAndAPromptNeedsItsPlaceholders() async throws {
        let harness = try await Harness.withCombiningModel(answering: "no idea")
        #expect(await harness.run("score s with: m") == report(succeeded: 1))
        #expect(harness.output.error.contains("9 judgements with no readable score"))
        #expect(await harness.run("score s with: m prompt: \"Rate {solution}\"") == report(failed: 1))
        #expect(harness.output.error.contains("the judge's prompt has no {question} placeholder"))
    }

    @Test func aRewardModelTakesNoJudgeSettings() async throws {
        let harness = try await Harness.withCombiningModel(answering: "unused")
        for parameter in ["prompt: \"{question} {solution}\"", "temperature: 0.5", "max_tokens: 9", "seed: 3"] {
            #expect(await harness.run("score s with: m by: reward_model \(parameter)") == report(failed: 1))
            #expect(harness.output.error.contains("is for a judge; a reward model only reads the conversation"))
        }
    }
}
