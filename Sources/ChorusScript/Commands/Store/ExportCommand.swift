import ChorusEngine
import Foundation

/// `export`: every stored sample as JSON Lines, to share, archive, or replay; or only what one
/// sample set, strategy result or table holds.
struct ExportCommand: Command {
    /// What an export of one set or result writes.
    enum Form: String, ParameterChoice {
        /// The set's samples as store lines: `import` and `replay:` read them.
        case samples
        /// One line per problem: the answer, its verdict and its candidates.
        case answers
    }

    static let subject = ParameterKey<Value>.positional(
        "what", "the file to write every stored sample to, or a sample set, strategy result or table (then `to:`)")
    static let to = ParameterKey<String?>.named("to", "the file to write a sample set, result or table to", type: .path)
    static let form = ParameterKey<Form?>.named(
        "as", "`samples` (a set's default: store lines that import and replay) or `answers` (one line per problem)")

    let signature = CommandSignature(
        name: "export", group: .models,
        summary: "Writes the stored samples, or one sample set's, result's or table's, to a JSONL file.",
        parameters: [Self.subject, Self.to, Self.form, FileErrors.overwrite],
        discussion: """
            `export "FILE"` writes every stored sample, one per line: its key, \
            model, problem id, prompt, parameters, seed, index, text, finish \
            reason, token counts, latency and log-probability. `export s to: \
            "FILE"` writes only the samples of the set `s`, in the same lines \
            (problems in order, samples in index order). `import` reads either \
            back into any store; `model "replay:FILE"` answers from it without \
            a server. `export v to: "FILE"` writes a strategy result's answers, \
            one line per problem with its question, gold, answer, verdict and \
            candidates (`as: answers` does the same for a sample set, with a \
            combiner's responses); that form is for reading, not importing. \
            `export t to: "FILE"` writes a table (from `answers`, `diff`, \
            `compare`, `metrics`, or a plot's numbers) one row per line, \
            each cell under its column's key, numbers as numbers. An \
            existing file is kept unless `overwrite: true`.
            """,
        examples: [
            "export \"samples.jsonl\"", "export s to: \"s.jsonl\"", "export (vote s) to: \"vote.jsonl\"",
            "export a to: \"aggregate.jsonl\" as: answers", "export (answers s where: wrong) to: \"wrong.jsonl\"",
        ],
        isRecorded: false)

    func run(_ invocation: Invocation) async throws -> Value {
        let output = invocation.session.output
        // A plot is exported as the table of its numbers.
        var subject = invocation[Self.subject]
        if case .object(let plot as PlotValue) = subject { subject = .object(plot.numbers) }
        switch subject {
        case .string(let path):
            if let given = [Self.to.name, Self.form.name].first(where: { invocation.argumentRanges[$0] != nil }) {
                throw invocation.error(
                    "`\(given):` is for exporting a sample set, a result or a table",
                    at: given == "to" ? Self.to : Self.form,
                    hint: "`export \"FILE\"` writes every stored sample; `export s to: \"FILE\"` writes the set `s`")
            }
            try FileErrors.refuseOverwrite(of: path, invocation, at: Self.subject)
            let services = invocation.session.services
            let count = try await invocation.mapping(
                at: Self.subject, prefix: "cannot export to \(Value.quote(path)): "
            ) {
                try await services.sampleStore().exportJSONL(to: path)
            }
            output.write("exported \(Plural.count(count, "sample")) to \(path)\n")
        case .object(let set as SampleSetValue):
            let path = try destination(invocation)
            if invocation[Self.form] == .answers {
                try write(AnswerLines.lines(of: set), to: path, invocation)
                output.write("exported the answers to \(Plural.count(set.elementCount, "problem")) to \(path)\n")
            } else {
                let count = try await exportSamples(of: set, to: path, invocation)
                output.write("exported \(Plural.count(count, "sample")) of \(set.samples.name) to \(path)\n")
            }
        case .object(let result as StrategyResultValue):
            let path = try destination(invocation)
            if invocation[Self.form] == .samples {
                throw invocation.error(
                    "a strategy result holds answers, not samples of its own", at: Self.form,
                    hint: "export the sample set it was made from: `export s to: \"FILE\"`")
            }
            try write(AnswerLines.lines(of: result), to: path, invocation)
            output.write("exported \(result.result.name)'s answers to \(result.elementCount) problems to \(path)\n")
        case .object(let table as TableValue):
            let path = try destination(invocation)
            if let form = invocation[Self.form] {
                throw invocation.error(
                    "a table is written row by row; `as: \(form.rawValue)` is for a sample set or a result",
                    at: Self.form, hint: "`export t to: \"t.jsonl\"`")
            }
            try write(table.jsonLines, to: path, invocation)
            output.write("exported \(Plural.count(table.elementCount, "row")) to \(path)\n")
        case let other:
            throw invocation.error(
                "`export` writes the store, a sample set, a strategy result or a table, not \(other.typeName)",
                at: Self.subject, hint: "usage: \(signature.usage)")
        }
        return .none
    }

    /// The `to:` file, checked: given, and not an existing file unless `overwrite: true`.
    private func destination(_ invocation: Invocation) throws -> String {
        guard let path = invocation[Self.to] else {
            throw invocation.error(
                "say which file to write with `to:`", at: Self.subject, hint: "`export s to: \"s.jsonl\"`")
        }
        try FileErrors.refuseOverwrite(of: path, invocation, at: Self.to)
        return path
    }

    private func write(_ lines: [String], to path: String, _ invocation: Invocation) throws {
        try invocation.mapping(at: Self.to, prefix: "cannot export to \(Value.quote(path)): ") {
            try JSONLinesFile(creating: path).append(lines)
        }
    }

    /// Writes the set's samples as the store holds them (with what the set added, such as scores).
    private func exportSamples(of set: SampleSetValue, to path: String, _ invocation: Invocation) async throws -> Int {
        var samples: [(key: SampleKey, sample: Sample)] = []
        for entry in set.samples.entries {
            guard entry.origins.count == entry.samples.count else {
                throw invocation.error(
                    "the set \(set.samples.name) was not drawn from a model, so the store does not hold its samples",
                    at: Self.subject, hint: "`export s to: \"FILE\" as: answers` writes its answers")
            }
            samples += zip(entry.origins, entry.samples).map { ($0.key, $1) }
        }
        let services = invocation.session.services
        return try await invocation.mapping(at: Self.to, prefix: "cannot export to \(Value.quote(path)): ") {
            try await services.sampleStore().exportJSONL(samples, to: path)
        }
    }
}
