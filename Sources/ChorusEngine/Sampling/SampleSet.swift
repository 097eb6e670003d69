/// Samples for a list of problems: what `sample` returns and every strategy reads.
public struct SampleSet: Sendable {
    /// One problem with its samples, in the order they were drawn.
    public struct Entry: Sendable {
        /// The problem.
        public let problem: Problem
        /// Its samples; index i is sample i.
        public var samples: [Sample]
        /// Where each sample is stored, aligned with `samples`; empty for samples that never went
        /// through the store (typed with `responses`, picked by a learned aggregator).
        public var origins: [SampleOrigin]

        /// Creates an entry.
        public init(problem: Problem, samples: [Sample], origins: [SampleOrigin] = []) {
            self.problem = problem
            self.samples = samples
            self.origins = origins
        }
    }

    /// A short label for tables (`samples`, `maj@5`, …).
    public var name: String
    /// The problems with their samples, in dataset order.
    public var entries: [Entry]
    /// What producing these samples cost, earlier stages included.
    public var cost: Cost

    /// Creates a sample set.
    public init(name: String, entries: [Entry], cost: Cost = .zero) {
        self.name = name
        self.entries = entries
        self.cost = cost
    }

    /// The number of problems.
    public var problemCount: Int { entries.count }
    /// The number of samples over all problems.
    public var sampleCount: Int { entries.reduce(0) { $0 + $1.samples.count } }
    /// The fewest samples any problem has (the largest k every metric can use).
    public var minimumSamplesPerProblem: Int { entries.map(\.samples.count).min() ?? 0 }
}
