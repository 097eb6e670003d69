import ChorusEngine

/// `aggregate`: Sample Set Aggregation (SSA), or universal self-consistency with an untrained model.
struct AggregateCommand: Command {
    let signature = CommandSignature(
        name: "aggregate", group: .strategies,
        summary: "Shows a model each problem with k sampled answers and keeps the one answer it gives (SSA, USC).",
        parameters: CombinerOptions.parameters(defaultK: 5, defaultTemplate: "ssa").map { parameter in
            guard parameter.name == "with" else { return parameter }
            return .named("with", .objects(["model", "learned aggregator"]), "the model that reads the candidates, or a learned aggregator")
        },
        discussion: """
            The SSA prompt: `Question:`, `Below are the proposed answers:`, \
            `Answer 1:` … `Answer k:` with each sample's full text, and the \
            instruction to give one correct answer (or combine them into one), \
            reasoning in <think> and the answer in <answer>. With a trained SSA \
            checkpoint behind `with:` this is SSA; with an untrained instruct \
            model it is the universal self-consistency (USC) baseline. Answers \
            are stored as they arrive (keyed by model, prompt, parameters and \
            the template's version), so a rerun costs nothing. Returns a sample \
            set of the aggregator's answers: vote, metrics and compare take it; \
            its cost includes its inputs'. With a learned aggregator (from \
            `train aggregator`) no model is called: it picks each problem's \
            answer class from features of the samples, and the set holds the \
            first sample of the class it picked.
            """,
        examples: [
            "a = aggregate s with: gen k: 5",
            "usc = aggregate s with: gen k: 5 name: \"usc@5\"",
            "a = aggregate s with: gen k: 4 subsets: 3 order: shuffled budget: 3000",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        if let learned = invocation.object("with", as: AggregatorValue.self) { return try learnedRun(learned, invocation) }
        let (input, combiner, model) = try await CombinerOptions.combiner(invocation, kind: .aggregation)
        let name = invocation.isGiven("name") ? invocation.string("name") : "aggregate@\(combiner.selection.k)"
        let outcome = try await CombinerOptions.run(
            combiner, on: input.samples, name: name, command: "aggregate", model: model, invocation: invocation)
        return .object(try CombinerOptions.graded(outcome.samples, template: combiner.template, invocation: invocation))
    }

    /// A learned aggregator's choice per problem, as a sample set.
    private func learnedRun(_ learned: AggregatorValue, _ invocation: Invocation) throws -> Value {
        guard let input = invocation.object("samples", as: SampleSetValue.self) else {
            throw invocation.error("`samples` must be a sample set", at: "samples")
        }
        for parameter in signature.parameters.map(\.name)
        where !["samples", "with", "name", "tolerance", "truncated"].contains(parameter) && invocation.isGiven(parameter) {
            throw invocation.error(
                "`\(parameter)` is for a model that reads candidates; a learned aggregator sees every sample",
                at: parameter)
        }
        let name = invocation.isGiven("name") ? invocation.string("name") : learned.aggregator.name
        let chosen = try learned.aggregator.aggregate(input.graded, name: name)
        let grader = try GradingOptions.grader(invocation, extraction: ExtractionOptions())
        return .object(SampleSetValue(samples: chosen, graded: try AnswerClassifier(grader: grader, truncation: GradingOptions.truncation(invocation)).grade(chosen)))
    }
}
