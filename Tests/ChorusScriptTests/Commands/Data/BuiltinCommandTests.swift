import ChorusEngine
import Testing

@testable import ChorusScript

@Suite("builtin")
struct BuiltinCommandTests {
    @Test func makesTheArithmeticDataset() async {
        let harness = await Harness.running(
            "d = builtin arithmetic count: 3 seed: 5\nd.count\nd.ids\nd.name", expecting: report(succeeded: 4))
        #expect(harness.output.output == "3\n[\"arith-5-0\", \"arith-5-1\", \"arith-5-2\"]\n\"arithmetic\"\n")
        #expect(harness.output.error == "")
    }

    @Test func theDatasetIsTheEnginesBuiltIn() async throws {
        let harness = await Harness.running("d = builtin \"arithmetic\" count: 4 seed: 9")
        let expected = try Dataset.builtIn(named: "arithmetic", count: 4, seed: 9)
        #expect(await harness.variable("d") == .object(DatasetValue(expected)))
    }

    @Test func defaultsAreAHundredProblemsFromSeedOne() async {
        let harness = await Harness.running("d = builtin arithmetic\nd.count\nd.ids[0]")
        #expect(harness.output.output == "100\n\"arith-1-0\"\n")
    }

    @Test func theSameSeedGivesTheSameProblemsAndALargerCountExtends() async throws {
        let harness = Harness()
        let result = await harness.run(
            """
            a = builtin arithmetic count: 2 seed: 3
            b = builtin arithmetic count: 5 seed: 3
            c = builtin arithmetic count: 2 seed: 4
            a2 = builtin arithmetic count: 2 seed: 3
            """)
        #expect(result == report(succeeded: 4))
        func problems(_ name: String) async -> [Problem] {
            guard case .object(let object)? = await harness.variable(name), let value = object as? DatasetValue else {
                return []
            }
            return value.dataset.problems
        }
        let a = await problems("a")
        #expect(a.count == 2)
        #expect(await problems("b").prefix(2) == a[...])
        #expect(await problems("a2") == a)
        #expect(await problems("c").map(\.question) != a.map(\.question))
    }

    @Test func aNegativeSeedIsAllowed() async {
        let harness = await Harness.running(
            "(builtin arithmetic count: 1 seed: -1).count", expecting: report(succeeded: 1))
        #expect(harness.output.output == "1\n")
    }

    @Test func countMustBeInRange() async {
        for (count, column) in [("0", 20), ("-3", 20), ("1000001", 20)] {
            let harness = await Harness.running("builtin arithmetic count: \(count)", expecting: report(failed: 1))
            #expect(
                harness.output.error.hasPrefix(
                    "t.chorus:1:\(column): error: `count` must be between 1 and 1000000, not \(count)\n"),
                "\(harness.output.error)")
            #expect(harness.output.output == "")
        }
    }

    @Test func anUnknownNameIsAnError() async {
        let harness = await Harness.running("builtin arithmetc", expecting: report(failed: 1))
        #expect(harness.output.error.hasPrefix("t.chorus:1:9: error: `arithmetc` is not one of `arithmetic`\n"))
        #expect(harness.output.error.contains("hint: did you mean `arithmetic`?"))
    }

    @Test func theNameIsRequired() async {
        let harness = await Harness.running("builtin", expecting: report(failed: 1))
        #expect(harness.output.error.contains("error: `builtin` needs its argument `name`"))
    }
}
