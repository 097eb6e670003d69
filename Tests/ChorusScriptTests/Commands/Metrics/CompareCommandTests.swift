import ChorusEngine
import Foundation
import Testing

@testable import ChorusScript

@Suite("compare")
struct CompareCommandTests {
    static let setRows = """
        responses pass@1    55.6   [33.3, 66.7]
        responses maj@3     66.7   [0.0, 100.0]
        responses pass@3    100.0  [100.0, 100.0]
        responses oracle@3  100.0  [100.0, 100.0]
        """

    /// The legend under a table of a sample set's rows, and under one with a strategy's too.
    static let setLegend = [ComparisonMetric.passAt1, .majority, .passAtK, .oracle].map(\.explanation)
        .joined(separator: "\n")
    static let fullLegend = setLegend + "\n" + ComparisonMetric.strategy.explanation

    @Test func aSampleSetBesideAVote() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run("v = vote s k: 3\ncompare s v")
        #expect(result == report(succeeded: 2))
        #expect(
            harness.output.output == """
                strategy            acc %  95% CI          no answer
                ------------------  -----  --------------  ---------
                \(Self.setRows)
                maj@3               66.7   [0.0, 100.0]    0
                \(Self.fullLegend)

                """)
        #expect(harness.output.error == "")
    }

    @Test func strategiesComeAfterSetsAndKIsTheLargestStrategyK() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run("compare (vote s k: 1) s (vote s k: 2)")
        #expect(result == report(succeeded: 1))
        #expect(
            harness.output.output == """
                strategy            acc %  95% CI          no answer
                ------------------  -----  --------------  ---------
                responses pass@1    55.6   [33.3, 66.7]
                responses maj@2     66.7   [33.3, 100.0]
                responses pass@2    88.9   [66.7, 100.0]
                responses oracle@2  100.0  [100.0, 100.0]
                maj@1               100.0  [100.0, 100.0]  0
                maj@2               100.0  [100.0, 100.0]  0
                \(Self.fullLegend)

                """)
    }

    @Test func anExplicitKWins() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        await harness.run("t = compare s (vote s k: 3) k: 2\nt.rows.count\nt.rows[1].strategy")
        #expect(harness.output.output == "5\n\"responses maj@2\"\n")
    }

    @Test func withoutStrategiesKIsTheSamplesPerProblem() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        await harness.run("compare s")
        #expect(
            harness.output.output == """
                strategy            acc %  95% CI
                ------------------  -----  --------------
                \(Self.setRows)
                \(Self.setLegend)

                """)
    }

    @Test func aVoteAlone() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        await harness.run("u = responses d [['5'], ['nothing'], ['7']]\ncompare (vote u)")
        #expect(
            harness.output.output == """
                strategy  acc %  95% CI        no answer
                --------  -----  ------------  ---------
                maj@all   66.7   [0.0, 100.0]  1
                \(ComparisonMetric.strategy.explanation)

                """)
    }

    @Test func theTableIsAValue() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run(
            "t = compare s (vote s)\nt.columns\nt.rows[4].ci\nt[4].no_answer\nt[-1].strategy")
        #expect(result == report(succeeded: 5))
        #expect(
            harness.output.output == """
                ["strategy", "acc", "ci", "no_answer"]
                [0.0, 100.0]
                0
                "maj@all"

                """)
        guard case .object(let object)? = await harness.variable("t"), let table = object as? TableValue,
            case .number(let accuracy) = table.table.rows[4][1]
        else {
            Issue.record("compare did not give a table with a number for the accuracy")
            return
        }
        #expect(abs(accuracy - 200.0 / 3) < 1e-9, "the accuracy is kept as a number, not as the text 66.7")
    }

    @Test func theSameSeedGivesTheSameTable() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run("a = compare s (vote s) seed: 9\nb = compare s (vote s) seed: 9")
        #expect(result == report(succeeded: 2))
        let a = await harness.variable("a")
        let b = await harness.variable("b")
        #expect(a != nil)
        #expect(a == b)
    }

    @Test func itemsOverDifferentProblemsAreRefused() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        await harness.run("p = split d test: 0.34 seed: 1\nt = responses p.train [['1'], ['2']] name: \"train\"")
        let result = await harness.run("compare s t")
        #expect(result == report(failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:9: error: train does not cover the same problems as responses
                1 | compare s t
                  |         ^~~
                hint: compare results made from the same dataset, in the same order

                """)
        let votes = await harness.run("compare (vote s) (vote t name: \"other\")")
        #expect(votes == report(failed: 1))
        #expect(harness.output.error.contains("error: other does not cover the same problems as maj@all\n"))
        #expect(harness.output.output == "")
    }

    @Test func aStrategyOverOtherProblemsThanTheSetIsRefused() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        await harness.run("e = builtin arithmetic count: 3\nu = responses e [['1'], ['2'], ['3']]")
        let result = await harness.run("compare s (vote u name: \"elsewhere\")")
        #expect(result == report(failed: 1))
        #expect(harness.output.error.contains("error: elsewhere does not cover the same problems as responses\n"))
    }

    @Test func aSetWithOneAnswerPerProblemShowsPassAtOneBesideTheRest() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run(
            "one = responses d [['\\boxed{5}'], ['\\boxed{1}'], ['\\boxed{7}']] name: \"usc\"\ncompare s (vote s k: 3) one"
        )
        #expect(result == report(succeeded: 2))
        #expect(harness.output.output.contains("usc pass@1"))
        #expect(!harness.output.output.contains("usc maj@"))
        #expect(harness.output.output.contains("responses maj@3"))
    }

    @Test func kLargerThanTheSamplesIsAnError() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run("compare s k: 5")
        #expect(result == report(failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:9: error: k = 5 is more than the 3 samples per problem of responses
                1 | compare s k: 5
                  |         ^
                hint: use k: 3 or less

                """)
    }

    @Test func kBelowOneIsAnError() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for k in ["0", "-1"] {
            let result = await harness.run("compare s k: \(k)")
            #expect(result == report(failed: 1), "k: \(k)")
        }
        #expect(harness.output.output == "")
    }

    @Test func aValueThatIsNotAResultIsRefused() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run("compare s 3")
        #expect(result == report(failed: 1))
        #expect(
            harness.output.error.hasPrefix(
                "t.chorus:1:11: error: `items` takes a strategy result or sample set, not an int (3)\n"))
        let dataset = await harness.run("compare d")
        #expect(dataset == report(failed: 1))
        #expect(harness.output.error.contains("error: `items` takes a strategy result or sample set, not a dataset ("))
        let table = await harness.run("compare (compare s)")
        #expect(table == report(failed: 1))
        #expect(harness.output.error.contains("error: `items` takes a strategy result or sample set, not a table ("))
        #expect(harness.output.output == "")
    }

    @Test func nothingToCompareIsAnError() async {
        let harness = Harness()
        let result = await harness.run("compare")
        #expect(result == report(failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:1: error: `compare` needs at least one strategy result or sample set
                1 | compare
                  | ^~~~~~~
                hint: compare s (vote s)

                """)
    }

    @Test func anEmptySetHasNothingToCompare() async {
        let harness = Harness()
        let result = await harness.run(
            "d = builtin arithmetic count: 2\np = split d test: 0\ne = responses p.test []\ncompare e")
        #expect(result == report(succeeded: 3, failed: 1))
        #expect(harness.output.error.contains("error: there are no problems to compare\n"))
    }

    @Test func rowsWithOneLabelAreToldApartByTheirVariables() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(
            await harness.run("v = vote s k: 2\nw = vote s k: 3 name: \"maj@2\"\ncompare v w") == report(succeeded: 3))
        let labels = harness.output.output.split(separator: "\n").dropFirst(2).prefix(2).map {
            $0.components(separatedBy: "  ")[0]
        }
        #expect(labels == ["maj@2 [v]", "maj@2 [w]"])
        // Items that are not variables are told apart by their place.
        #expect(await harness.run("compare (vote s k: 2) (vote s k: 2) s") == report(succeeded: 1))
        #expect(harness.output.output.contains("maj@2 [#1]"))
        #expect(harness.output.output.contains("maj@2 [#2]"))
        #expect(harness.output.output.contains("responses pass@1 "))
    }
}
