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
        #expect(harness.output.error.contains("hint: best_of with k: 3 or fewer, or draw more samples"))
    }
}
