import ChorusEngine
import Testing

@testable import ChorusScript

@Suite("split")
struct SplitCommandTests {
    static func datasets(_ value: Value?) throws -> (train: Dataset, test: Dataset) {
        guard case .record(let record)? = value, record.keys == ["train", "test"],
            case .object(let train)? = record["train"], case .object(let test)? = record["test"],
            let trainSet = train as? DatasetValue, let testSet = test as? DatasetValue
        else {
            throw EngineFixtures.FixtureFailure(message: "not a {train, test} record: \(String(describing: value))")
        }
        return (trainSet.dataset, testSet.dataset)
    }

    @Test func theDefaultTestPartIsAFifth() async throws {
        let harness = await Harness.running(
            "d = builtin arithmetic count: 10 seed: 2\np = split d", expecting: report(succeeded: 2))
        let parts = try Self.datasets(await harness.variable("p"))
        #expect(parts.test.count == 2)
        #expect(parts.train.count == 8)
        #expect(parts.train.name == "arithmetic-train")
        #expect(parts.test.name == "arithmetic-test")
    }

    @Test func partsAreDisjointCoverTheDatasetAndKeepItsOrder() async throws {
        let harness = await Harness.running("d = builtin arithmetic count: 10 seed: 2\np = split d test: 0.25 seed: 7")
        let parts = try Self.datasets(await harness.variable("p"))
        // round(10 × 0.25) = round(2.5) = 3.
        #expect(parts.test.count == 3)
        let all = (0..<10).map { "arith-2-\($0)" }
        let train = parts.train.problems.map(\.id)
        let test = parts.test.problems.map(\.id)
        #expect(Set(train).isDisjoint(with: test))
        #expect(Set(train).union(test) == Set(all))
        #expect(train == all.filter(train.contains))
        #expect(test == all.filter(test.contains))
        let expected = try Dataset.builtIn(named: "arithmetic", count: 10, seed: 2).split(testFraction: 0.25, seed: 7)
        #expect(parts.train == expected.train)
        #expect(parts.test == expected.test)
    }

    @Test func theSameSeedGivesTheSameSplit() async {
        let harness = Harness()
        let result = await harness.run(
            """
            d = builtin arithmetic count: 20 seed: 1
            a = split d test: 0.5 seed: 3
            b = split d test: 0.5 seed: 3
            a.train.count + a.test.count
            a.test.count
            """)
        #expect(result == report(succeeded: 5))
        #expect(harness.output.output == "20\n10\n")
        let a = await harness.variable("a")
        let b = await harness.variable("b")
        #expect(a != nil)
        #expect(a == b)
    }

    @Test func fractionsZeroAndOneAreAllowed() async throws {
        let harness = Harness()
        let result = await harness.run(
            "d = builtin arithmetic count: 4\nnone_ = split d test: 0\nall = split d test: 1\nnone_.test\nall.train.count"
        )
        #expect(result == report(succeeded: 5))
        #expect(harness.output.output == "arithmetic-test: 0 problems\n0\n")
        let all = try Self.datasets(await harness.variable("all"))
        #expect(all.test.count == 4)
    }

    @Test func theFractionMustBeBetweenZeroAndOne() async {
        for fraction in ["1.5", "-0.1", "2"] {
            let harness = await Harness.running("d = builtin arithmetic count: 4")
            #expect(await harness.run("split d test: \(fraction)") == report(failed: 1))
            #expect(
                harness.output.error == """
                    t.chorus:1:9: error: `test` must be between 0 and 1, not \(fraction)
                    1 | split d test: \(fraction)
                      |         ^\(String(repeating: "~", count: "test: \(fraction)".count - 1))

                    """)
        }
    }

    @Test func theDataMustBeADataset() async {
        let harness = await Harness.running("split [1, 2]", expecting: report(failed: 1))
        #expect(harness.output.error.hasPrefix("t.chorus:1:7: error: `data` takes a dataset, not a list ([1, 2])\n"))
    }

    @Test func theResultPrintsAsARecord() async {
        let harness = await Harness.running("d = builtin arithmetic count: 5\nsplit d test: 0.4")
        #expect(
            harness.output.output
                == "{train: <dataset: arithmetic-train: 3 problems (source: arithmetic)>, "
                + "test: <dataset: arithmetic-test: 2 problems (source: arithmetic)>}\n")
    }
}
