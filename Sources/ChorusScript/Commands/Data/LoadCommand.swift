import ChorusEngine

/// `load`: problems from a GSM8K, MATH, JSONL or CSV file.
struct LoadCommand: Command {
    static let path = ParameterKey<String>.positional("path", "the data file", type: .path)
    static let format = ParameterKey<Format>.named("format", "the file's format", default: .auto)
    static let question = ParameterKey<String?>.named("question", "field holding the question (jsonl/csv)")
    static let answer = ParameterKey<String?>.named("answer", "field holding the gold answer (jsonl/csv)")
    static let id = ParameterKey<String?>.named("id", "field holding the problem id (jsonl/csv)")
    static let solution = ParameterKey<String?>.named("solution", "field holding a worked solution (jsonl/csv)")
    static let skipInvalid = ParameterKey<Bool>.named(
        "skip_invalid", "skip bad rows (they are counted and listed) instead of failing", default: false)

    let signature = CommandSignature(
        name: "load", group: .data, summary: "Loads problems from a GSM8K, MATH, JSONL or CSV file.",
        parameters: [
            Self.path, Self.format, Self.question, Self.answer, Self.id, Self.solution, DatasetSelection.group,
            Self.skipInvalid,
        ],
        discussion: """
            `auto` tells the format from the first row: `question` + `answer` is \
            GSM8K (gold after `####`), `problem` + `solution` is MATH (gold from \
            `answer`, else the last \\boxed{} of the solution); `.csv` files are \
            CSV. For other files give `format: jsonl` or `csv` with the field \
            names (`auto` on rows with `question` and `answer` but no `#### N` \
            says which to give). A bad row stops the load with its file, line and field, unless \
            `skip_invalid: true`, which skips it and reports it.
            """,
        examples: [
            "gsm = load \"gsm8k-test.jsonl\" limit: 50",
            "d = load \"rows.csv\" format: csv question: \"q\" answer: \"a\" shuffle: 1 limit: 10",
            "d = load \"rows.jsonl\" format: jsonl question: \"question\" answer: \"answer\"",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        let path = invocation[Self.path]
        var loader = DatasetLoader(skipInvalid: invocation[Self.skipInvalid])
        let format = invocation[Self.format]
        switch format {
        case .auto: break
        case .gsm8k: loader.format = .gsm8k
        case .math: loader.format = .math
        case .jsonl, .csv:
            guard let question = invocation[Self.question], let answer = invocation[Self.answer] else {
                throw invocation.error(
                    "format \(format.rawValue) needs the field names", at: Self.format,
                    hint: "add question: \"…\" answer: \"…\" (and optionally id: and solution:)")
            }
            let mapping = FieldMapping(
                question: question, answer: answer, id: invocation[Self.id], solution: invocation[Self.solution])
            loader.format = format == .csv ? .csv(mapping) : .jsonl(mapping)
        }
        let report = try invocation.mapping(at: Self.path) {
            do {
                return try loader.load(path: path)
            } catch let error as DatasetLoadError {
                guard format == .auto, let hint = Self.notGSM8KHint(error, path: path) else { throw error }
                throw ArgumentError(wrapping: error, at: Self.path, hint: hint)
            }
        }
        if !report.skipped.isEmpty {
            invocation.warn(
                "skipped \(report.skipped.count) invalid row\(report.skipped.count == 1 ? "" : "s") of \(path)",
                at: Self.path,
                notes: report.skipped.prefix(10).map { "line \($0.line): \($0.reason)" }
                    + (report.skipped.count > 10 ? ["… \(report.skipped.count - 10) more"] : []))
        }
        return .object(DatasetValue(DatasetSelection.apply(invocation, to: report.dataset)))
    }

    /// For a file `auto` took for GSM8K (`question` + `answer`) whose answers are not GSM8K's
    /// (`#### N`): the `format:` and field options that read it as plain rows; nil for other errors.
    private static func notGSM8KHint(_ error: DatasetLoadError, path: String) -> String? {
        guard case .noFinalAnswer(let field) = error.reason else { return nil }
        let format = path.lowercased().hasSuffix(".csv") ? "csv" : "jsonl"
        return "the rows have \"question\" and \"\(field)\" but not GSM8K's `#### N`; to read \"\(field)\" as the "
            + "gold answer, write: load \(Value.string(path).literal) format: \(format) question: \"question\" "
            + "answer: \"\(field)\""
    }

    /// The formats `load` reads.
    enum Format: String, ParameterChoice {
        case auto
        case gsm8k
        case math
        case jsonl
        case csv
    }
}
