/// What a run that draws samples produced: sampling, combining (aggregation, refinement) and scoring.
public struct SamplingOutcome: Sendable {
    /// The samples, problems in the input's order, samples in index order; scored samples carry their scores.
    public let samples: SampleSet
    /// Samples (answers, judgements) found in the store.
    public let reused: Int
    /// Samples drawn from the model in this run.
    public let drawn: Int
    /// What this run spent: its drawn samples counted as a sample set counts its own (an answered
    /// request is a call, retries and resends are not; tokens as recorded with the samples), and the
    /// run's wall time. The sample set's own cost is the recorded cost of all its samples, the same
    /// on every rerun, so on a first run the two agree.
    public let spent: Cost
    /// Prompts whose candidates were cut to fit the budget (combining only).
    public let truncated: Int
    /// Prompts left out because their candidates were over the budget (combining only).
    public let skipped: Int
    /// Judgements with no readable score (scoring only).
    public let unreadable: Int
    /// For each problem and each combined answer, the input samples its prompt showed (combining
    /// only; empty otherwise). A rerun plans the same prompts, so it finds the same candidates.
    public let candidates: [[[Int]]]

    /// Creates an outcome; the counts that belong to one kind of run are 0 for the others.
    public init(
        samples: SampleSet, reused: Int, drawn: Int, spent: Cost, truncated: Int = 0, skipped: Int = 0,
        unreadable: Int = 0, candidates: [[[Int]]] = []
    ) {
        self.samples = samples
        self.reused = reused
        self.drawn = drawn
        self.spent = spent
        self.truncated = truncated
        self.skipped = skipped
        self.unreadable = unreadable
        self.candidates = candidates
    }
}
