import ChorusEngine
import Foundation
import Testing

@testable import ChorusScript

@Suite("diff")
struct DiffCommandTests {
    @Test func showsTheProblemsWhereTwoVotesDisagreeWithCounts() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // k: 1 takes the first sample: 5, 2.5, 7 (all right); k: 3 votes 5, 2.5, 8.
        #expect(await harness.run("diff (vote s k: 1) (vote s k: 3)") == report(succeeded: 1))
        #expect(
            harness.output.output == """
                problem  gold  maj@1  maj@3  right
                -------  ----  -----  -----  -----
                tiny-3   7     7      8      maj@1
                1 of 3 problems differ: maj@1 right where maj@3 wrong: 1, maj@3 right where maj@1 wrong: 0, \
                same verdict but another answer: 0

                """)
    }

    @Test func aSampleSetStandsForItsVote() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run(
            "one = responses d [['\\boxed{5}'], ['\\boxed{3}'], ['\\boxed{7}']] name: \"usc\"\nt = diff s one\nt.count\nt[0].second\nt[1].right"
        )
        #expect(result == report(succeeded: 5))
        #expect(harness.output.output == "2\n\"3\"\n\"usc\"\n")
    }

    @Test func resultsOverOtherProblemsAreAnError() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run(
            "e = builtin \"arithmetic\" count: 2 seed: 1\nf = responses e [['1'], ['2']]\ndiff s f")
        #expect(result == report(succeeded: 2, failed: 1))
        #expect(harness.output.error.contains("does not cover the same problems as"), "\(harness.output.error)")
    }

    @Test func theHelpExamplesRun() async throws {
        let harness = Harness()
        let examples = try #require(CommandRegistry.standard.command(named: "diff")).signature.examples
        let result = await harness.run(examples[0] + "\nv = vote s\nusc = vote s k: 1 name: \"usc\"\n" + examples[1])
        #expect(result == report(succeeded: 6))
    }
}
