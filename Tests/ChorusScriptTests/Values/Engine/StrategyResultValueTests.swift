import ChorusEngine
import Testing

@testable import ChorusScript

@Suite struct StrategyResultValueTests {
    static func value(name: String = "maj@3", _ decisions: [StrategyDecision]) -> StrategyResultValue {
        StrategyResultValue(
            StrategyResult(
                name: name, decisions: decisions,
                candidates: try! AnswerClassifier().grade(SampleSet(name: "s", entries: [])),
                k: 3, cost: .zero))
    }

    static let decisions = [
        StrategyDecision(problemID: "a", answer: "5", isCorrect: true),
        StrategyDecision(problemID: "b", answer: nil, isCorrect: false),
        StrategyDecision(problemID: "c", answer: "8", isCorrect: false),
    ]

    @Test func summaryGivesAccuracyAndProblemsWithoutAnAnswer() {
        let value = Self.value(Self.decisions)
        #expect(value.typeName == "strategy result")
        #expect(value.summary == "maj@3: 33.3% correct on 3 problems, 1 without an answer, 0 truncated candidates")
        #expect(value.rendering == value.summary)
        #expect(
            Self.value([]).summary == "maj@3: 0.0% correct on 0 problems, 0 without an answer, 0 truncated candidates")
    }

    @Test func members() {
        let value = Self.value(Self.decisions)
        #expect(value.memberNames == ["accuracy", "name", "answers", "correct", "problems", "truncated"])
        #expect(value.member("accuracy") == .double(1.0 / 3))
        #expect(value.member("name") == .string("maj@3"))
        #expect(value.member("answers") == .list([.string("5"), .none, .string("8")]))
        #expect(value.member("correct") == .list([.bool(true), .bool(false), .bool(false)]))
        #expect(value.member("problems") == .int(3))
        #expect(value.member("k") == nil)
    }

    @Test func equalityComparesNameAndDecisions() {
        let value = Self.value(Self.decisions)
        #expect(value.isEqual(to: Self.value(Self.decisions)))
        #expect(!value.isEqual(to: Self.value(name: "other", Self.decisions)))
        #expect(!value.isEqual(to: Self.value(Array(Self.decisions.prefix(2)))))
        #expect(!value.isEqual(to: TableValue(DataTable(columns: [], rows: []))))
    }
}
