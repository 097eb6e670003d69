import ChorusEngine
import Foundation
import Testing

@testable import ChorusScript

@Suite("responses")
struct ResponsesCommandTests {
    @Test func makesAGradedSampleSet() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("s\ns.problems\ns.samples\ns.unparseable\ns.name") == report(succeeded: 5))
        #expect(
            harness.output.output == """
                sample set responses: 3 problems × 3 samples, pass@1 55.6%, 1 unparseable, 0 truncated
                3
                9
                1
                "responses"

                """)
        #expect(harness.output.error == "")
    }

    @Test func theSamplesAreTheTextsInOrder() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard case .object(let object)? = await harness.variable("s"), let set = object as? SampleSetValue else {
            Issue.record("s is not a sample set")
            return
        }
        #expect(set.samples.entries.map(\.problem.id) == ["tiny-1", "tiny-2", "tiny-3"])
        #expect(
            set.samples.entries.map { $0.samples.map(\.text) } == [
                ["\\boxed{5}", "\\boxed{4}", "\\boxed{5}"], ["#### 2.5", "5/2", "no idea"], ["7", "8", "8"],
            ])
        #expect(set.graded.problems.map { $0.classes.map(\.answer) } == [["5", "4"], ["2.5"], ["7", "8"]])
        #expect(set.samples.cost == .zero)
        guard case .double(let pass1)? = set.member("pass1") else {
            Issue.record("pass1 is not a number")
            return
        }
        #expect(abs(pass1 - 5.0 / 9) < 1e-12)
    }

    @Test func aNameCanBeGiven() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("t = responses d [['1'], ['2.5'], []] name: \"mine\"\nt") == report(succeeded: 2))
        #expect(
            harness.output.output
                == "sample set mine: 3 problems × 0–1 samples, pass@1 33.3%, 0 unparseable, 0 truncated\n")
    }

    @Test func oneListPerProblemIsRequired() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("responses d [['1'], ['2']]") == report(failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:13: error: `texts` has 2 lists but the dataset has 3 problems
                1 | responses d [['1'], ['2']]
                  |             ^~~~~~~~~~~~~~
                hint: give one list of responses per problem, in the dataset's order

                """)
        let more = await harness.run("responses d [[], [], [], []]")
        #expect(more == report(failed: 1))
        #expect(harness.output.error.contains("error: `texts` has 4 lists but the dataset has 3 problems"))
    }

    @Test func textsMustBeListsOfStrings() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let flat = await harness.run("responses d ['1', '2', '3']")
        #expect(flat == report(failed: 1))
        #expect(harness.output.error.contains("error: `texts` takes"))
        let numbers = await harness.run("responses d [[1], [2], [3]]")
        #expect(numbers == report(failed: 1))
        #expect(harness.output.error.components(separatedBy: "error: `texts` takes").count == 3)
    }

    @Test func theDataMustBeADataset() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("responses s [[]]") == report(failed: 1))
        #expect(
            harness.output.error.hasPrefix(
                "t.chorus:1:11: error: `data` takes a dataset, not a sample set "
                    + "(3 problems × 3 samples, pass@1 55.6%, 1 unparseable, 0 truncated)\n"))
    }

    @Test func anEmptyDatasetGivesAnEmptySet() async throws {
        let harness = await Harness.running(
            "d = builtin arithmetic count: 3\np = split d test: 0\nresponses p.test []", expecting: report(succeeded: 3)
        )
        #expect(
            harness.output.output
                == "sample set responses: 0 problems × 0 samples, pass@1 0.0%, 0 unparseable, 0 truncated\n")
    }

    @Test func aResponseCutOffInsideABoxIsTruncatedUnlessGraded() async throws {
        let harness = Harness()
        let texts = "[['\\boxed{5}', 'so \\boxed{5', 'no answer']]"
        let script =
            "d = builtin \"arithmetic\" count: 1 seed: 1\n"
            + "a = responses d \(texts)\na.truncated\na.unparseable\n"
            + "b = responses d \(texts) truncated: grade\nb.truncated\n"
            + "responses d \(texts) truncated: drop"
        #expect(await harness.run(script) == report(succeeded: 6, failed: 1))
        #expect(harness.output.output == "1\n1\n0\n")
        #expect(harness.output.error.contains("error: `drop` is not one of `separate`, `grade`"))
    }
}
