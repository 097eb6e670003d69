/// Sends rounds of one prompt per problem through a sampler (a combiner's subsets, a judge's
/// samples), stopping between rounds when cancelled, and adds up what the rounds reused, drew and spent.
struct PromptRounds {
    /// The sampler every round goes through.
    let sampler: Sampler
    /// How each prompt is sampled.
    let parameters: SamplingParameters
    /// The name the rounds' samples are stored under.
    let name: String
    /// Answers found in the store, over all rounds.
    private(set) var reused = 0
    /// Answers drawn from the model, over all rounds.
    private(set) var drawn = 0
    /// What the rounds spent.
    private(set) var spent = Cost.zero
    /// What the rounds' answers recorded (tokens, and the model's busy wall time), the same on a rerun.
    private(set) var recorded = Cost.zero

    init(sampler: Sampler, parameters: SamplingParameters, name: String) {
        self.sampler = sampler
        self.parameters = parameters
        self.name = name
    }

    /// One round: each problem with its prompt; returns each prompt's answers (with where they are
    /// stored), in order.
    mutating func run(
        _ problems: [Problem], prompts: [[ChatMessage]], progress: @escaping @Sendable (SamplingProgress) -> Void
    ) async throws -> [SampleSet.Entry] {
        try Task.checkCancellation()
        guard !problems.isEmpty else { return [] }
        let outcome = try await sampler.sample(
            try Dataset(name: name, problems: problems), prompts: prompts, parameters: parameters, name: name,
            progress: progress)
        reused += outcome.reused
        drawn += outcome.drawn
        spent = spent + outcome.spent
        recorded = recorded + outcome.samples.cost
        return outcome.samples.entries
    }
}
