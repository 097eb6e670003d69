import ChorusEngine
import Foundation

/// What `aggregate` and `refine` share: the combining model, the candidates it sees, the template,
/// and how it samples; and running it with progress, Ctrl-C and a summary line.
enum CombinerOptions {
    /// The parameters both commands take, after their own.
    static func parameters(defaultK: Int, defaultTemplate: String) -> [Parameter] {
        [
            .positional("samples", .object("sample set"), "the candidates: a sample set"),
            .named("with", .object("model"), "the model that reads the candidates (from `model`)"),
            .named("k", .int, "candidates per prompt (a problem with fewer shows all it has)", default: .int(defaultK)),
            .named("subsets", .int, "prompts per problem: 1 shows the first k; more draw seeded random k-subsets", default: .int(1)),
            .named("order", .choice(["sampled", "shuffled", "score"]), "the candidates' order in the prompt", default: .string("sampled")),
            .named("seed", .int, "seeds subsets and shuffling, and the model (answer i uses seed + i)", default: .int(1)),
            .named("budget", .int, "most estimated tokens (4 bytes each) of candidates per prompt", default: Value.none),
            .named("over_budget", .choice(CandidateBudget.Policy.allCases.map(\.rawValue)), "cut candidates to fit, or skip the prompt", default: .string("truncate")),
            .named("template", .string, "`\(defaultTemplate)`, or a file whose text holds {question} and {candidates}", default: .string(defaultTemplate)),
            .named("n", .int, "answers per prompt", default: .int(1)),
            .named("temperature", .number, "sampling temperature", default: .double(0.7)),
            .named("max_tokens", .int, "most tokens per answer", default: .int(1024)),
            .named("name", .string, "the label in tables", default: Value.none),
            .named("tolerance", .number, "relative tolerance for inexact numbers when grading", default: .double(1e-6)),
            GradingOptions.truncatedParameter,
        ]
    }

    /// The built-in templates by name.
    static let builtInTemplates: [String: CombinerTemplate] = [
        CombinerTemplate.ssa.name: .ssa, "ssa": .ssa, CombinerTemplate.gsr.name: .gsr, "gsr": .gsr,
    ]

    /// The template the invocation names: built in, or read from a file with the command's kind.
    static func template(_ invocation: Invocation, kind: CombinerTemplate.Kind) throws -> CombinerTemplate {
        let name = invocation.string("template")
        if let builtIn = builtInTemplates[name] { return builtIn }
        guard let data = FileManager.default.contents(atPath: name) else {
            throw invocation.error(
                "no built-in template and no readable file named \(name)", at: "template",
                hint: "built in: \(builtInTemplates.keys.sorted().joined(separator: ", "))")
        }
        do {
            let base = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
            return try CombinerTemplate(name: "file:" + base, kind: kind, fileText: String(decoding: data, as: UTF8.self))
        } catch {
            throw invocation.error("\(name): \(error)", at: "template", hint: "write {question} and {candidates} where they go")
        }
    }

    /// The sample set, model, selection, budget and parameters, checked.
    static func combiner(
        _ invocation: Invocation, kind: CombinerTemplate.Kind
    ) async throws -> (input: SampleSetValue, combiner: Combiner, model: ModelValue) {
        guard let input = invocation.object("samples", as: SampleSetValue.self) else {
            throw invocation.error("`samples` must be a sample set", at: "samples")
        }
        guard let model = invocation.object("with", as: ModelValue.self) else {
            throw invocation.error("`with` must be a model", at: "with")
        }
        let selection = try selection(invocation)
        let n = invocation.int("n")
        guard n >= 1, n <= 64 else { throw invocation.error("`n` must be between 1 and 64, not \(n)", at: "n") }
        let temperature = invocation.double("temperature")
        guard temperature >= 0, temperature <= 10 else {
            throw invocation.error("`temperature` must be between 0 and 10", at: "temperature")
        }
        let maxTokens = invocation.int("max_tokens")
        guard maxTokens >= 1 else { throw invocation.error("`max_tokens` must be at least 1", at: "max_tokens") }
        let store = try await StoredModelRun.store(invocation)
        let combiner = Combiner(
            client: model.client, store: store, template: try template(invocation, kind: kind),
            selection: selection, budget: try budget(invocation),
            parameters: SamplingParameters(n: n, temperature: temperature, maxTokens: maxTokens, seed: selection.seed),
            clock: invocation.session.clock)
        return (input, combiner, model)
    }

    /// Which candidates each prompt shows: `k`, `subsets`, `order` and `seed`, checked (also for `train`).
    static func selection(_ invocation: Invocation) throws -> CandidateSelection {
        let k = invocation.int("k")
        guard k >= 1, k <= 64 else { throw invocation.error("`k` must be between 1 and 64, not \(k)", at: "k") }
        let subsets = invocation.int("subsets")
        guard subsets >= 1, subsets <= 64 else {
            throw invocation.error("`subsets` must be between 1 and 64, not \(subsets)", at: "subsets")
        }
        let order: CandidateSelection.Order =
            switch invocation.string("order") {
            case "shuffled": .shuffled
            case "score": .byScore
            default: .sampled
            }
        return CandidateSelection(k: k, subsets: subsets, seed: invocation.int("seed"), order: order)
    }

    /// The token budget for candidates, when `budget` is given, with `over_budget`'s policy.
    static func budget(_ invocation: Invocation) throws -> CandidateBudget? {
        guard let tokens = invocation.optionalInt("budget") else { return nil }
        guard tokens >= 1 else { throw invocation.error("`budget` must be at least 1, not \(tokens)", at: "budget") }
        return CandidateBudget(
            maxTokens: tokens, policy: CandidateBudget.Policy(rawValue: invocation.string("over_budget")) ?? .truncate)
    }

    /// Runs the combiner over `input` with progress on a terminal; Ctrl-C keeps what finished.
    static func run(
        _ combiner: Combiner, on input: SampleSet, name: String, command: String, model: ModelValue,
        invocation: Invocation
    ) async throws -> SamplingOutcome {
        let outcome = try await StoredModelRun.perform(command, results: "answers", invocation: invocation, at: "with") {
            try await combiner.combine(input, name: name, progress: $0)
        }
        var note = StoredModelRun.summary(
            command, reused: outcome.reused, drawn: outcome.drawn, spent: outcome.spent, identity: model.client.identity)
        if outcome.truncated > 0 { note += "; \(Plural.count(outcome.truncated, "prompt")) cut to the budget" }
        if outcome.skipped > 0 { note += "; \(Plural.count(outcome.skipped, "prompt")) over the budget skipped" }
        invocation.session.output.writeError(note + "\n")
        return outcome
    }

    /// The combined set graded the way the template's answers are written.
    static func graded(_ samples: SampleSet, template: CombinerTemplate, invocation: Invocation) throws -> SampleSetValue {
        let grader = try GradingOptions.grader(invocation, extraction: template.extraction)
        return SampleSetValue(samples: samples, graded: try AnswerClassifier(grader: grader, truncation: GradingOptions.truncation(invocation)).grade(samples))
    }
}
