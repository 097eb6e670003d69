import Testing

@testable import ChorusEngine

@Suite struct AnswerTableTests {
    static func problems() throws -> [ProblemAnswers] {
        [
            try ProblemAnswersTests.answers(["\\boxed{5}", "\\boxed{5}", "\\boxed{4}"], gold: "5", id: "a"),
            try ProblemAnswersTests.answers(["\\boxed{7}", "\\boxed{8}", "\\boxed{8"], gold: "7", id: "b"),
        ]
    }

    @Test func oneTypedRowPerProblem() throws {
        let table = AnswerTable.make(try Self.problems(), filter: .all, pickTitle: "vote")
        #expect(
            table.columns.map(\.key) == [
                "problem", "gold", "answers", "pick", "right", "any_right", "truncated", "unparseable",
            ])
        #expect(
            table.rows[1] == [
                .text("b"), .text("7"), .text("7×1, 8×1"), .text("7"), .bool(true), .bool(true), .int(1), .int(0),
            ])
        #expect(
            table.rendered == """
                problem  gold  answers   vote  right  any right  truncated  unparseable
                -------  ----  --------  ----  -----  ---------  ---------  -----------
                a        5     5×2, 4×1  5     yes    yes        0          0
                b        7     7×1, 8×1  7     yes    yes        1          0
                2 of 2 problems
                answers: each class of equivalent answers among the 3 candidates × its votes, most first; \
                any right: one of them is right

                """)
    }

    @Test func theFilterKeepsRowsAndSaysSo() throws {
        let table = AnswerTable.make(try Self.problems(), filter: .truncated, pickTitle: "usc@4")
        #expect(table.rows.map { $0[0] } == [.text("b")])
        #expect(table.columns[3].title == "usc@4")
        #expect(table.notes[0] == "1 of 2 problems where truncated")
    }

    @Test func longGoldsAndAnswersAreClippedOnlyOnScreen() throws {
        let long = String(repeating: "x", count: 30)
        let problem = try ProblemAnswersTests.answers(["\\boxed{\(long)}"], gold: long, id: "c")
        let table = AnswerTable.make([problem], filter: .all, pickTitle: "vote")
        #expect(table.rows[0][1] == .text(long))
        #expect(table.textTable.rows[0][1] == String(repeating: "x", count: 15) + "…")
    }
}
