import Testing

@testable import ChorusEngine

@Suite struct StrategyDiffTests {
    static func result(_ name: String, _ answers: [String?], right: [Bool], ids: [String]? = nil) -> StrategyResult {
        let ids = ids ?? answers.indices.map { "p\($0)" }
        let problems = ids.map {
            AnswerClassifier().grade(Problem(id: $0, question: "q", goldAnswer: "1", source: "t"), samples: [])
        }
        return StrategyResult(
            name: name,
            decisions: zip(ids, zip(answers, right)).map {
                StrategyDecision(problemID: $0.0, answer: $0.1.0, isCorrect: $0.1.1)
            },
            candidates: GradedSampleSet(name: "c", problems: problems, cost: .zero), k: nil, cost: .zero)
    }

    @Test func keepsProblemsThatDifferInVerdictOrAnswer() throws {
        let v = Self.result(
            "maj@4", ["1", "2", "3", "0.5", nil, "4"], right: [true, false, false, true, false, false])
        let a = Self.result("usc@4", ["1", "1", "4", "1/2", "5", nil], right: [true, true, false, true, false, false])
        let diff = try StrategyDiff(v, a)
        #expect(diff.rows.map(\.problemID) == ["p1", "p2", "p4", "p5"])
        #expect(diff.secondOnlyRight == 1)
        #expect(diff.firstOnlyRight == 0)
        #expect(diff.sameVerdict == 3)
        #expect(diff.rows[0].gold == "1")
        #expect(
            diff.table.rendered == """
                problem  gold  maj@4  usc@4  right
                -------  ----  -----  -----  -------
                p1       1     2      1      usc@4
                p2       1     3      4      neither
                p4       1            5      neither
                p5       1     4             neither
                4 of 6 problems differ: maj@4 right where usc@4 wrong: 0, usc@4 right where maj@4 wrong: 1, \
                same verdict but another answer: 3

                """)
    }

    @Test func theSameStrategyUnderTwoGradingsIsToldApart() throws {
        let strict = Self.result("maj@4", ["3.14"], right: [false])
        let loose = Self.result("maj@4", ["3.14"], right: [true])
        let diff = try StrategyDiff(strict, loose)
        #expect(diff.secondOnlyRight == 1)
        #expect(diff.table.columns.map(\.title) == ["problem", "gold", "maj@4 (1)", "maj@4 (2)", "right"])
        #expect(diff.table.rows[0][4] == .text("maj@4 (2)"))
    }

    @Test func resultsOnOtherProblemsAreRefused() {
        let a = Self.result("a", ["1"], right: [true], ids: ["x"])
        let b = Self.result("b", ["1"], right: [true], ids: ["y"])
        #expect(throws: StrategyDiff.Failure.differentProblems(first: "a", second: "b")) { try StrategyDiff(a, b) }
    }

    @Test func agreementIsNoRow() throws {
        let a = Self.result("a", ["1", nil], right: [true, false])
        let diff = try StrategyDiff(a, a)
        #expect(diff.rows.isEmpty)
        #expect(
            diff.table.notes == [
                "0 of 2 problems differ: a (1) right where a (2) wrong: 0, a (2) right where a (1) wrong: 0, same verdict but another answer: 0"
            ])
    }
}
