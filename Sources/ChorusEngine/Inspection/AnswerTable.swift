/// The table `answers` shows: one row per problem a filter keeps, with its answers and verdicts.
public enum AnswerTable {
    /// The rows of `problems` that `filter` keeps, as a table; `pickTitle` heads the pick's column
    /// (`vote`, or a strategy's name) and `k` says how many candidates each problem had.
    public static func make(_ problems: [ProblemAnswers], filter: AnswerFilter, pickTitle: String) -> DataTable {
        let kept = problems.filter(filter.admits)
        let rows = kept.map { answers -> [TableCell] in
            [
                .text(answers.problemID), .text(answers.gold), .text(answers.classesText),
                answers.pick.map(TableCell.text) ?? .none, .bool(answers.pickIsCorrect), .bool(answers.anyCorrect),
                .int(answers.truncated), .int(answers.unparseable),
            ]
        }
        let columns = [
            TableColumn("problem"), TableColumn("gold", format: .clipped(width: 16)),
            TableColumn("answers", format: .clipped(width: 40)),
            TableColumn(pickTitle, key: "pick", format: .clipped(width: 16)), TableColumn("right"),
            TableColumn("any right", key: "any_right"), TableColumn("truncated"), TableColumn("unparseable"),
        ]
        let which = filter == .all ? "" : " where \(filter.rawValue)"
        let candidates = Set(problems.map(\.candidates))
        let k = candidates.count == 1 ? "the \(candidates.first!)" : "the"
        return DataTable(
            columns: columns, rows: rows,
            notes: [
                "\(kept.count) of \(problems.count) problems\(which)",
                "answers: each class of equivalent answers among \(k) candidates × its votes, most first; "
                    + "any right: one of them is right",
            ])
    }
}
