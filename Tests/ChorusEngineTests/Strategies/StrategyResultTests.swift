import Testing

@testable import ChorusEngine

@Suite struct StrategyResultTests {
    static let candidates = GradedSampleSet(name: "s", problems: [], cost: .zero)

    static func result(_ decisions: [StrategyDecision]) -> StrategyResult {
        StrategyResult(name: "r", decisions: decisions, candidates: candidates, k: 4, cost: Cost(calls: 2))
    }

    @Test func decisionsWithoutAnAnswerAreUnparseable() {
        #expect(StrategyDecision(problemID: "a", answer: nil, isCorrect: false).isUnparseable)
        #expect(!StrategyDecision(problemID: "a", answer: "", isCorrect: false).isUnparseable)
        #expect(!StrategyDecision(problemID: "a", answer: "3", isCorrect: true).isUnparseable)
    }

    @Test func accuracyIsTheFractionCorrect() {
        let result = Self.result([
            StrategyDecision(problemID: "a", answer: "1", isCorrect: true),
            StrategyDecision(problemID: "b", answer: "2", isCorrect: false),
            StrategyDecision(problemID: "c", answer: nil, isCorrect: false),
            StrategyDecision(problemID: "d", answer: "4", isCorrect: true),
        ])
        #expect(result.accuracy == 0.5)
        #expect(result.unparseableCount == 1)
    }

    @Test func noDecisionsHaveZeroAccuracy() {
        let result = Self.result([])
        #expect(result.accuracy == 0)
        #expect(result.unparseableCount == 0)
    }

    @Test func initKeepsWhatItIsGiven() {
        let result = Self.result([StrategyDecision(problemID: "a", answer: nil, isCorrect: false)])
        #expect(result.name == "r")
        #expect(result.k == 4)
        #expect(result.cost == Cost(calls: 2))
        #expect(result.candidates.name == "s")
        #expect(result.accuracy == 0)
        #expect(result.unparseableCount == 1)
    }
}
