import Testing

@testable import ChorusEngine

@Suite struct BuiltInDatasetTests {
    @Test func arithmeticIsBuiltIn() throws {
        let dataset = try Dataset.builtIn(named: "arithmetic", count: 20, seed: 3)
        #expect(dataset == ArithmeticProblemGenerator(seed: 3).dataset(count: 20))
        #expect(dataset.summary == "arithmetic: 20 problems (source: arithmetic)")
        #expect(try Dataset.builtIn(named: "arithmetic", count: 5).problems.first?.id == "arith-1-0")
    }

    @Test func unknownNamesAndNegativeCountsAreErrors() {
        #expect(throws: DatasetError.unknownBuiltIn("gsm9k", available: ["arithmetic"])) {
            try Dataset.builtIn(named: "gsm9k", count: 5)
        }
        #expect(
            DatasetError.unknownBuiltIn("gsm9k", available: ["arithmetic"]).description
                == #"no built-in dataset named "gsm9k" (available: arithmetic)"#)
        #expect(throws: DatasetError.negativeCount(-1)) { try Dataset.builtIn(named: "arithmetic", count: -1) }
        #expect(DatasetError.negativeCount(-1).description == "count -1 is negative")
    }
}
