import ChorusEngine
import Foundation

/// What `aggregate` and `refine` share: the candidates a prompt shows, the template, how the
/// combining model samples, the label and the grading; and running it with progress, Ctrl-C and
/// a summary line.
struct CombinerOptions: ParameterList {
    /// The candidates: a sample set.
    static let samples = ParameterKey<SampleSetValue>.positional("samples", "the candidates: a sample set")

    /// Which candidates each prompt shows.
    let candidates: CandidateOptions
    /// The prompt: built in, or a file.
    let template: ParameterKey<String>
    /// Answers per prompt.
    let n = ParameterKey<Int>.named("n", "answers per prompt", default: 1, in: .between(1, 64))
    /// How the combining model samples.
    let sampling = SamplingOptions(temperature: 0.7, maxTokens: 1024)
    /// The label in tables.
    let name = ParameterKey<String?>.named("name", "the label in tables")

    /// The options with a command's default k and template.
    init(defaultK: Int, defaultTemplate: String) {
        candidates = .combining(defaultK: defaultK)
        template = .named(
            "template", "`\(defaultTemplate)`, or a file whose text holds {question} and {candidates}",
            default: defaultTemplate)
    }

    var parameters: [Parameter] {
        let lists: [any ParameterList] = [
            candidates, CandidateCount.clamp, template, n, sampling, name, GradingOptions.group,
        ]
        return lists.flatMap(\.parameters)
    }

    /// The parameters that only a model reading candidates uses.
    var modelParameters: [Parameter] {
        let lists: [any ParameterList] = [candidates, CandidateCount.clamp, template, n, sampling]
        return lists.flatMap(\.parameters)
    }

    /// The built-in templates by name.
    static let builtInTemplates: [String: CombinerTemplate] = [
        CombinerTemplate.ssa.name: .ssa, "ssa": .ssa, CombinerTemplate.gsr.name: .gsr, "gsr": .gsr,
    ]

    /// The template named `name` (the argument for `key`): built in, or read from a file with the
    /// command's kind.
    static func template(
        named name: String, at key: some ParameterNaming, kind: CombinerTemplate.Kind, invocation: Invocation
    ) throws -> CombinerTemplate {
        if let builtIn = builtInTemplates[name] { return builtIn }
        guard let data = FileManager.default.contents(atPath: name) else {
            throw invocation.error(
                "no built-in template and no readable file named \(name)", at: key,
                hint: "built in: \(builtInTemplates.keys.sorted().joined(separator: ", "))")
        }
        let base = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
        return try invocation.mapping(
            at: key, hint: "write {question} and {candidates} where they go", prefix: "\(name): "
        ) {
            try CombinerTemplate(name: "file:" + base, kind: kind, fileText: String(decoding: data, as: UTF8.self))
        }
    }

    /// The combiner for `model`, checked; `available` is the fewest candidates a problem has
    /// (`shortfall` says so in the error, when a problem's samples are not the limit). A k left out is the default or `available`, whichever is
    /// fewer; a k written larger than `available` is refused unless `clamp: true`.
    func combiner(
        _ invocation: Invocation, model: ModelValue, kind: CombinerTemplate.Kind, command: String, available: Int,
        shortfall: String? = nil
    ) async throws -> Combiner {
        let k =
            invocation.isGiven(candidates.k)
            ? try CandidateCount.checked(
                invocation[candidates.k], available: available, at: candidates.k, command: command,
                invocation: invocation, shortfall: shortfall)
            : max(1, min(invocation[candidates.k], available))
        let selection = candidates.selection(invocation, k: k)
        let store = try await StoredModelRun.store(invocation)
        return Combiner(
            client: model.client, store: store,
            template: try Self.template(named: invocation[template], at: template, kind: kind, invocation: invocation),
            selection: selection, budget: candidates.budget(invocation),
            parameters: SamplingParameters(
                n: invocation[n], temperature: invocation[sampling.temperature],
                maxTokens: invocation[sampling.maxTokens],
                seed: selection.seed),
            clock: invocation.session.clock)
    }

    /// The label a combining command gives its result unless `name:` says otherwise:
    /// `aggregate@4 (qwen2.5-1.5b-instruct)`, the strategy, the k it used and the model that read
    /// the candidates.
    func label(_ invocation: Invocation, strategy: String, model: ModelValue) -> String {
        invocation[name] ?? "\(strategy) (\(model.label))"
    }

    /// Runs the combiner over `input` with progress on a terminal; Ctrl-C keeps what finished.
    static func run(
        _ combiner: Combiner, on input: SampleSet, name: String, command: String, model: ModelValue,
        at argument: some ParameterNaming, invocation: Invocation
    ) async throws -> SamplingOutcome {
        let outcome = try await StoredModelRun.perform(
            command, results: "answers", invocation: invocation, at: argument
        ) {
            try await combiner.combine(input, name: name, progress: $0)
        }
        var note = StoredModelRun.summary(
            command, reused: outcome.reused, drawn: outcome.drawn, spent: outcome.spent, identity: model.client.identity
        )
        if outcome.truncated > 0 { note += "; \(Plural.count(outcome.truncated, "prompt")) cut to the budget" }
        if outcome.skipped > 0 { note += "; \(Plural.count(outcome.skipped, "prompt")) over the budget skipped" }
        invocation.session.output.writeError(note + "\n")
        return outcome
    }

    /// The combined set graded the way the template's answers are written, keeping the candidates
    /// (`input`) its prompts showed.
    static func graded(
        _ outcome: SamplingOutcome, from input: SampleSetValue, template: CombinerTemplate, invocation: Invocation
    ) throws
        -> SampleSetValue
    {
        let classifier = GradingOptions.classifier(invocation, extraction: template.extraction)
        return SampleSetValue(
            samples: outcome.samples, graded: try classifier.grade(outcome.samples),
            candidateSource: CandidateSource(input: input, shown: outcome.candidates))
    }
}
