import ChorusEngine
import Foundation
import Testing

@testable import ChorusScript

@Suite("metrics")
struct MetricsCommandTests {
    @Test func defaultKIsTheSamplesPerProblem() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // pass@1 5/9; maj@3 (1 + 1 + 0) / 3; pass@3 and oracle@3 1 on every problem.
        let result = await harness.run("metrics s")
        #expect(result == report(succeeded: 1))
        #expect(
            harness.output.output == """
                strategy  acc %  95% CI
                --------  -----  --------------
                pass@1    55.6   [33.3, 66.7]
                maj@3     66.7   [0.0, 100.0]
                pass@3    100.0  [100.0, 100.0]
                oracle@3  100.0  [100.0, 100.0]
                \(ComparisonMetric.passAt1.explanation)
                \(ComparisonMetric.majority.explanation)
                \(ComparisonMetric.passAtK.explanation)
                \(ComparisonMetric.oracle.explanation)

                """)
        #expect(harness.output.error == "")
    }

    @Test func chosenKs() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // oracle@1: every first sample is right. maj@2: (2/3 + 1 + 1/3) / 3. pass@2: (1 + 1 + 2/3) / 3.
        let result = await harness.run("metrics s ks: [1, 2]")
        #expect(result == report(succeeded: 1))
        #expect(
            harness.output.output == """
                strategy  acc %  95% CI
                --------  -----  --------------
                pass@1    55.6   [33.3, 66.7]
                oracle@1  100.0  [100.0, 100.0]
                maj@2     66.7   [33.3, 100.0]
                pass@2    88.9   [66.7, 100.0]
                oracle@2  100.0  [100.0, 100.0]
                \(ComparisonMetric.passAt1.explanation)
                \(ComparisonMetric.majority.explanation)
                \(ComparisonMetric.passAtK.explanation)
                \(ComparisonMetric.oracle.explanation)

                """)
    }

    @Test func anEmptyKListGivesPassAtOne() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        await harness.run("t = metrics s ks: []\nt.rows.count\nt.columns")
        #expect(harness.output.output == "1\n[\"strategy\", \"acc\", \"ci\"]\n")
    }

    @Test func oneSamplePerProblemGivesPassAtOneOnly() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run("one = responses d [['5'], ['2'], ['7']]\nmetrics one")
        #expect(result == report(succeeded: 2))
        #expect(
            harness.output.output == """
                strategy  acc %  95% CI
                --------  -----  ------------
                pass@1    66.7   [0.0, 100.0]
                \(ComparisonMetric.passAt1.explanation)

                """)
    }

    @Test func theSeedMovesOnlyTheIntervals() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run(
            """
            a = metrics s seed: 4
            b = metrics s seed: 4
            c = metrics s seed: 5
            """)
        #expect(result == report(succeeded: 3))
        func table(_ name: String) async -> TableValue? {
            guard case .object(let object)? = await harness.variable(name) else { return nil }
            return object as? TableValue
        }
        let a = try #require(await table("a"))
        let b = try #require(await table("b"))
        let c = try #require(await table("c"))
        #expect(a.isEqual(to: b))
        #expect(a.table.rows.map { $0[1] } == c.table.rows.map { $0[1] })
        #expect(a.table.rows.map { $0[0] } == c.table.rows.map { $0[0] })
    }

    @Test func kLargerThanTheSamplesIsAnError() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run("metrics s ks: [2, 4]")
        #expect(result == report(failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:11: error: k = 4 is more than the 3 samples per problem of responses
                1 | metrics s ks: [2, 4]
                  |           ^~~~~~~~~~
                hint: use k: 3 or less

                """)
        #expect(harness.output.output == "")
    }

    @Test func kBelowOneIsAnError() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run("metrics s ks: [0]")
        #expect(result == report(failed: 1))
        #expect(harness.output.error.contains("at least 1"), "\(harness.output.error)")
        #expect(!harness.output.error.contains("is more than"), "\(harness.output.error)")
    }

    @Test func kBelowOneIsRefused() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for ks in ["[0]", "[-1]", "[2, 0]"] {
            let result = await harness.run("metrics s ks: \(ks)")
            #expect(result == report(failed: 1), "\(ks)")
        }
        #expect(harness.output.output == "")
    }

    @Test func onlySampleSetsHaveMetrics() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run("metrics (vote s)")
        #expect(result == report(failed: 1))
        #expect(
            harness.output.error.hasPrefix("t.chorus:1:9: error: `samples` takes a sample set, not a strategy result"))
        let list = await harness.run("metrics s ks: [\"2\"]")
        #expect(list == report(failed: 1))
        #expect(harness.output.error.contains("error: `ks` takes"))
    }
}
