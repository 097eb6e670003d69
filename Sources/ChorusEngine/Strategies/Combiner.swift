/// Shows a model each problem with candidates drawn from a sample set and keeps what it answers:
/// SSA aggregation (and the USC baseline) and GSR refinement.
///
/// Every prompt goes through a `Sampler`, so combined answers are stored as they arrive, keyed by
/// the model, the full prompt (candidates included), the parameters and the template's version: a
/// rerun reads them back, and Ctrl-C keeps what finished. The result is a sample set like any other
/// (one or more combined answers per problem), whose cost is its inputs' plus its own.
public struct Combiner: Sendable {
    /// The model that combines.
    public let client: any ModelClient
    /// Where its answers are kept.
    public let store: any SampleStore
    /// The prompt.
    public let template: CombinerTemplate
    /// Which candidates each prompt shows.
    public let selection: CandidateSelection
    /// How long the candidates may be; nil for no limit.
    public let budget: CandidateBudget?
    /// How the model samples; `n` answers per prompt.
    public let parameters: SamplingParameters
    /// The clock that times the run.
    public let clock: any EngineClock

    /// Creates a combiner.
    public init(
        client: any ModelClient, store: any SampleStore, template: CombinerTemplate, selection: CandidateSelection,
        budget: CandidateBudget? = nil, parameters: SamplingParameters, clock: any EngineClock = SystemClock()
    ) {
        self.client = client
        self.store = store
        self.template = template
        self.selection = selection
        self.budget = budget
        var parameters = parameters
        parameters.template = template.versionKey
        self.parameters = parameters
        self.clock = clock
    }

    /// Combines the candidates of every problem of `input`; `progress` sees each prompt round.
    public func combine(
        _ input: SampleSet, name: String, progress: @escaping @Sendable (SamplingProgress) -> Void = { _ in }
    ) async throws -> SamplingOutcome {
        let started = clock.now()
        let plan = CombinerPrompts(input, template: template, selection: selection, budget: budget)
        // prompts[s][i]: the s-th prompt of problem i (nil when the problem has no s-th prompt).
        var prompts: [[[ChatMessage]?]] = Array(
            repeating: Array(repeating: nil, count: input.entries.count), count: selection.subsets)
        for prompt in plan.prompts { prompts[prompt.subset][prompt.problemIndex] = prompt.messages }
        // shown[s][i]: the input samples the s-th prompt of problem i shows.
        var shown: [[[Int]]] = Array(
            repeating: Array(repeating: [], count: input.entries.count), count: selection.subsets)
        for prompt in plan.prompts { shown[prompt.subset][prompt.problemIndex] = prompt.candidates }
        var combined = input.entries.map { SampleSet.Entry(problem: $0.problem, samples: []) }
        var candidates: [[[Int]]] = Array(repeating: [], count: input.entries.count)
        var rounds = PromptRounds(
            sampler: Sampler(client: client, store: store, clock: clock), parameters: parameters, name: name)
        for (subset, round) in prompts.enumerated() {
            let present = round.indices.filter { round[$0] != nil }
            let answers = try await rounds.run(
                present.map { input.entries[$0].problem }, prompts: present.map { round[$0]! }, progress: progress)
            for (offset, problemIndex) in present.enumerated() {
                combined[problemIndex].samples += answers[offset].samples
                combined[problemIndex].origins += answers[offset].origins
                candidates[problemIndex] += Array(
                    repeating: shown[subset][problemIndex], count: answers[offset].samples.count)
            }
        }
        var spent = rounds.spent
        spent.wallSeconds = clock.now() - started
        let own = rounds.recorded
        return SamplingOutcome(
            samples: SampleSet(name: name, entries: combined, cost: input.cost + own), reused: rounds.reused,
            drawn: rounds.drawn,
            spent: spent, truncated: plan.truncated, skipped: plan.skipped, candidates: candidates)
    }
}
