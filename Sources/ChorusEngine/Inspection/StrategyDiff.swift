/// Where two strategies' results disagree, problem by problem: in correctness, or in the answer
/// itself (judged by answer equivalence, so `0.5` and `1/2` agree).
public struct StrategyDiff: Sendable {
    /// Why two results cannot be set side by side.
    public enum Failure: Error, Equatable, Sendable {
        /// The results do not cover the same problems in the same order.
        case differentProblems(first: String, second: String)
    }

    /// One problem where the two disagree.
    public struct Row: Sendable, Equatable {
        /// The problem's id.
        public let problemID: String
        /// Its gold answer, when a result's candidates hold the problem.
        public let gold: String?
        /// The first result's decision.
        public let first: StrategyDecision
        /// The second result's decision.
        public let second: StrategyDecision
    }

    /// The first result's label.
    public let firstName: String
    /// The second result's label.
    public let secondName: String
    /// The problems where they disagree, in problem order.
    public let rows: [Row]
    /// Problems compared.
    public let problemCount: Int

    /// Sets `first` and `second` side by side; `equivalence` says when two answers are the same.
    public init(
        _ first: StrategyResult, _ second: StrategyResult, equivalence: AnswerEquivalence = AnswerEquivalence()
    ) throws {
        guard first.decisions.map(\.problemID) == second.decisions.map(\.problemID) else {
            throw Failure.differentProblems(first: first.name, second: second.name)
        }
        var golds: [String: String] = [:]
        for problem in first.candidates.problems + second.candidates.problems {
            golds[problem.problem.id] = problem.problem.goldAnswer
        }
        firstName = first.name
        secondName = second.name
        problemCount = first.decisions.count
        rows = zip(first.decisions, second.decisions).compactMap { a, b in
            guard a.isCorrect != b.isCorrect || !Self.same(a.answer, b.answer, equivalence) else { return nil }
            return Row(problemID: a.problemID, gold: golds[a.problemID], first: a, second: b)
        }
    }

    /// Problems the first got right and the second wrong.
    public var firstOnlyRight: Int { rows.count { $0.first.isCorrect && !$0.second.isCorrect } }
    /// Problems the second got right and the first wrong.
    public var secondOnlyRight: Int { rows.count { $0.second.isCorrect && !$0.first.isCorrect } }
    /// Problems with the same verdict but different answers (both wrong, or both right by tolerance).
    public var sameVerdict: Int { rows.count { $0.first.isCorrect == $0.second.isCorrect } }

    /// Whether two answers are the same: both missing, equal text, or equivalent when parsed.
    static func same(_ a: String?, _ b: String?, _ equivalence: AnswerEquivalence) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        if a == b { return true }
        guard let parsedA = AnswerParser.parse(a), let parsedB = AnswerParser.parse(b) else { return false }
        return equivalence.areEquivalent(parsedA, parsedB)
    }

    /// The disagreements as a table (each side's answer and verdict, and who was right), with the
    /// counts under it.
    public var table: DataTable {
        let (a, b) = firstName == secondName ? (firstName + " (1)", secondName + " (2)") : (firstName, secondName)
        let cells = rows.map { row -> [TableCell] in
            let winner: String =
                switch (row.first.isCorrect, row.second.isCorrect) {
                case (true, true): "both"
                case (false, false): "neither"
                case (true, false): a
                case (false, true): b
                }
            return [
                .text(row.problemID), row.gold.map(TableCell.text) ?? .none,
                row.first.answer.map(TableCell.text) ?? .none,
                row.second.answer.map(TableCell.text) ?? .none, .text(winner),
            ]
        }
        let columns = [
            TableColumn("problem"), TableColumn("gold", format: .clipped(width: 16)),
            TableColumn(a, key: "first", format: .clipped(width: 16)),
            TableColumn(b, key: "second", format: .clipped(width: 16)), TableColumn("right"),
        ]
        return DataTable(
            columns: columns, rows: cells,
            notes: [
                "\(rows.count) of \(problemCount) problems differ: \(a) right where \(b) wrong: \(firstOnlyRight), "
                    + "\(b) right where \(a) wrong: \(secondOnlyRight), same verdict but another answer: \(sameVerdict)"
            ])
    }
}
