import ChorusEngine

/// `load`: problems from a GSM8K, MATH, JSONL or CSV file.
struct LoadCommand: Command {
    let signature = CommandSignature(
        name: "load", group: .data, summary: "Loads problems from a GSM8K, MATH, JSONL or CSV file.",
        parameters: [
            .positional("path", .path, "the data file"),
            .named("format", .choice(["auto", "gsm8k", "math", "jsonl", "csv"]), "the file's format", default: .string("auto")),
            .named("question", .string, "field holding the question (jsonl/csv)", default: Value.none),
            .named("answer", .string, "field holding the gold answer (jsonl/csv)", default: Value.none),
            .named("id", .string, "field holding the problem id (jsonl/csv)", default: Value.none),
            .named("solution", .string, "field holding a worked solution (jsonl/csv)", default: Value.none),
        ] + DatasetSelection.parameters + [
            .named("skip_invalid", .bool, "skip bad rows (they are counted and listed) instead of failing", default: .bool(false)),
        ],
        discussion: """
            `auto` tells the format from the first row: `question` + `answer` is \
            GSM8K (gold after `####`), `problem` + `solution` is MATH (gold from \
            `answer`, else the last \\boxed{} of the solution); `.csv` files are \
            CSV. For other files give `format: jsonl` or `csv` with the field \
            names. A bad row stops the load with its file, line and field, unless \
            `skip_invalid: true`, which skips it and reports it.
            """,
        examples: [
            "gsm = load \"gsm8k-test.jsonl\" limit: 50",
            "d = load \"rows.csv\" format: csv question: \"q\" answer: \"a\" shuffle: 1 limit: 10",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        let path = invocation.string("path")
        var loader = DatasetLoader(skipInvalid: invocation.bool("skip_invalid"))
        switch invocation.string("format") {
        case "gsm8k": loader.format = .gsm8k
        case "math": loader.format = .math
        case "jsonl", "csv":
            guard invocation.isGiven("question"), invocation.isGiven("answer") else {
                throw invocation.error(
                    "format \(invocation.string("format")) needs the field names", at: "format",
                    hint: "add question: \"…\" answer: \"…\" (and optionally id: and solution:)")
            }
            let mapping = FieldMapping(
                question: invocation.string("question"), answer: invocation.string("answer"),
                id: invocation.isGiven("id") ? invocation.string("id") : nil,
                solution: invocation.isGiven("solution") ? invocation.string("solution") : nil)
            loader.format = invocation.string("format") == "csv" ? .csv(mapping) : .jsonl(mapping)
        default:
            break
        }
        let report: LoadReport
        do {
            report = try loader.load(path: path)
        } catch {
            throw invocation.error("\(error)", at: "path")
        }
        if !report.skipped.isEmpty {
            var note = "load: skipped \(report.skipped.count) invalid row\(report.skipped.count == 1 ? "" : "s") of \(path):\n"
            for row in report.skipped.prefix(10) { note += "  line \(row.line): \(row.reason)\n" }
            if report.skipped.count > 10 { note += "  … \(report.skipped.count - 10) more\n" }
            invocation.session.output.writeError(note)
        }
        return .object(DatasetValue(try DatasetSelection.apply(invocation, to: report.dataset)))
    }
}
