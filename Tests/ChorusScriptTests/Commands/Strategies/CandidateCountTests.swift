import Testing

@testable import ChorusScript

/// `CandidateCount` through the commands that use it (`vote`, `best_of`).
@Suite struct CandidateCountTests {
    @Test func kIsCheckedAgainstTheFewestSamplesAndTheHintNamesTheCommand() async throws {
        let (harness, _) = try await EngineFixtures.harnessWithSamples()
        #expect(await harness.run("vote s k: 3") == report(succeeded: 1))
        #expect(await harness.run("vote s k: 0") == report(failed: 1))
        #expect(harness.output.error.contains("`k` must be at least 1, not 0"))
        #expect(await harness.run("best_of s k: 5") == report(failed: 1))
        #expect(harness.output.error.contains("`k` is 5 but some problem has only 3 samples"))
        #expect(
            harness.output.error.contains(
                "hint: best_of with k: 3 or fewer, add clamp: true to use 3, or draw more samples"))
    }

    @Test func clampUsesTheFewestSamplesAndTheLabelSaysSo() async throws {
        let (harness, _) = try await EngineFixtures.harnessWithSamples()
        #expect(await harness.run("v = vote s k: 5 clamp: true\nv.name") == report(succeeded: 2))
        #expect(harness.output.output == "\"maj@3\"\n")
        #expect(harness.output.error.contains("warning: `k` is 5 but some problem has only 3 samples: using k = 3"))
        #expect(await harness.run("vote s k: 3 clamp: true") == report(succeeded: 1))
    }

    @Test func everyStrategyRefusesTheSameWay() async throws {
        let harness = try await Harness.withCombiningModel(answering: "<answer>5</answer>")
        let commands = [
            "vote s k: 4", "best_of s k: 4", "aggregate s with: m k: 4", "refine s with: m k: 4",
            "score s with: m k: 4",
        ]
        for command in commands {
            #expect(await harness.run(command) == report(failed: 1), "\(command)")
        }
        let lines = harness.output.error.split(separator: "\n").filter { $0.contains("error:") }
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.hasSuffix("error: `k` is 4 but some problem has only 3 samples") })
    }
}
