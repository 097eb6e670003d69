import ChorusEngine

/// `aggregate`: Sample Set Aggregation (SSA), or universal self-consistency with an untrained model.
struct AggregateCommand: Command {
    static let with = ParameterKey<EitherObject<ModelValue, AggregatorValue>>.named(
        "with", "the model that reads the candidates, or a learned aggregator")
    static let options = CombinerOptions(defaultK: 5, defaultTemplate: "ssa")

    let signature = CommandSignature(
        name: "aggregate", group: .strategies,
        summary: "Shows a model each problem with k sampled answers and keeps the one answer it gives (SSA, USC).",
        parameters: [CombinerOptions.samples, Self.with, Self.options],
        discussion: """
            The SSA prompt: `Question:`, `Below are the proposed answers:`, \
            `Answer 1:` … `Answer k:` with each sample's full text, and the \
            instruction to give one correct answer (or combine them into one), \
            reasoning in <think> and the answer in <answer>. With a trained SSA \
            checkpoint behind `with:` this is SSA; with an untrained instruct \
            model it is the universal self-consistency (USC) baseline. Answers \
            are stored as they arrive (keyed by model, prompt, parameters and \
            the template's version), so a rerun costs nothing. A `k` larger than \
            the samples some problem has is refused (`clamp: true` uses the fewest \
            a problem has instead); left out, it is 5 or that fewest, whichever \
            is less. Returns a sample \
            set of the aggregator's answers, labelled `aggregate@k (MODEL)`: vote, \
            metrics and compare take it; \
            its cost includes its inputs'. With a learned aggregator (from \
            `train aggregator`) no model is called: it picks each problem's \
            answer class from features of the samples, and the set holds the \
            first sample of the class it picked.
            """,
        examples: [
            "a = aggregate s with: gen k: 5",
            "a = aggregate s with: gen k: 8 clamp: true",
            "usc = aggregate s with: gen k: 5 name: \"usc@5\"",
            "a = aggregate s with: gen k: 4 subsets: 3 order: shuffled budget: 3000",
            "learned = aggregate s with: (aggregator \"linear\")",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        let input = invocation[CombinerOptions.samples]
        let model: ModelValue
        switch invocation[Self.with] {
        case .second(let learned): return try learnedRun(learned, input, invocation)
        case .first(let given): model = given
        }
        let options = Self.options
        let combiner = try await options.combiner(
            invocation, model: model, kind: .aggregation, command: "aggregate",
            available: input.samples.minimumSamplesPerProblem)
        let name = options.label(invocation, strategy: "aggregate@\(combiner.selection.k)", model: model)
        let outcome = try await CombinerOptions.run(
            combiner, on: input.samples, name: name, command: "aggregate", model: model, at: Self.with,
            invocation: invocation)
        return .object(
            try CombinerOptions.graded(outcome, from: input, template: combiner.template, invocation: invocation))
    }

    /// A learned aggregator's choice per problem, as a sample set.
    private func learnedRun(
        _ learned: AggregatorValue, _ input: SampleSetValue, _ invocation: Invocation
    ) throws
        -> Value
    {
        if let parameter = Self.options.modelParameters.first(where: invocation.isGiven) {
            throw invocation.error(
                "`\(parameter.name)` is for a model that reads candidates; a learned aggregator sees every sample",
                at: parameter)
        }
        let name = invocation[Self.options.name] ?? learned.aggregator.name
        let chosen = try learned.aggregator.aggregate(input.graded, name: name)
        return .object(SampleSetValue(samples: chosen, graded: try GradingOptions.classifier(invocation).grade(chosen)))
    }
}
