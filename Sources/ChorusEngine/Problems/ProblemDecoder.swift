/// Turns one row into a problem according to a dataset format.
struct ProblemDecoder: Sendable {
    let format: DatasetFormat
    /// The dataset name, used in default ids `<name>-<line>`.
    let name: String
    /// The `source` given to every problem.
    let source: String
    let goldFromSolution: @Sendable (String) -> String?

    /// The problem the row holds, or why it holds none.
    func problem(from row: DatasetRow) throws(DatasetLoadError.Reason) -> Problem {
        let defaultID = "\(name)-\(row.line)"
        switch format {
        case .gsm8k:
            let question = try row.required("question")
            let answer = try row.required("answer")
            guard let (gold, solution) = GSM8KAnswer.split(answer) else { throw .noFinalAnswer(field: "answer") }
            let id = try row.optional("id")
            return Problem(
                id: id ?? defaultID,
                question: question,
                goldAnswer: gold,
                goldSolution: solution.isEmpty ? nil : solution,
                source: source
            )
        case .math:
            let question = try row.required("problem")
            let solution = try row.required("solution")
            let gold: String
            if let answer = try row.optional("answer") {
                gold = answer
            } else if let boxed = goldFromSolution(solution)?.trimmingCharacters(in: .whitespacesAndNewlines),
                !boxed.isEmpty
            {
                gold = boxed
            } else {
                throw .noBoxedAnswer(field: "solution")
            }
            var metadata: [String: String] = [:]
            for key in ["level", "type", "subject"] {
                if let value = try row.optional(key) { metadata[key] = value }
            }
            let uniqueID = try row.optional("unique_id")
            let id = try row.optional("id")
            return Problem(
                id: uniqueID ?? id ?? defaultID,
                question: question,
                goldAnswer: gold,
                goldSolution: solution,
                source: source,
                metadata: metadata
            )
        case let .jsonl(mapping), let .csv(mapping):
            let question = try row.required(mapping.question)
            let answer = try row.required(mapping.answer)
            var id: String?
            if let field = mapping.id { id = try row.optional(field) }
            var solution: String?
            if let field = mapping.solution { solution = try row.optional(field) }
            return Problem(
                id: id ?? defaultID, question: question, goldAnswer: answer, goldSolution: solution, source: source)
        }
    }
}
