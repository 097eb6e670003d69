/// Training rows built from sample sets, with the counts of what was kept and dropped and why.
public struct TrainingData: Sendable {
    /// What building the rows kept and dropped.
    public struct Report: Sendable, Equatable {
        /// Prompts whose candidates' majority is right.
        public var majorityRight = 0
        /// Prompts whose candidates' majority is wrong (or that have no majority answer).
        public var majorityWrong = 0
        /// Prompts none of whose candidates is right.
        public var noneCorrect = 0
        /// Prompts cut to fit the token budget.
        public var truncated = 0
        /// Prompts dropped because their candidates were over the token budget.
        public var overBudget = 0
        /// Rows dropped to balance majority-right against majority-wrong rows.
        public var droppedByBalance = 0
        /// Rows dropped to reach the mix of direct and refinement rows.
        public var droppedByMix = 0
        /// SFT rows dropped because no sample of the problem was correct (rejection sampling).
        public var withoutTarget = 0

        /// Creates an empty report.
        public init() {}
    }

    /// The rows, train rows first, each split in problem order.
    public let examples: [TrainingExample]
    /// What was kept and dropped.
    public let report: Report

    /// Creates training data; rows are ordered train first, keeping their relative order.
    public init(examples: [TrainingExample], report: Report) {
        self.examples = examples.filter { $0.split == .train } + examples.filter { $0.split == .test }
        self.report = report
    }

    /// The rows of one split.
    public func rows(in part: TrainingSplit.Part) -> [TrainingExample] { examples.filter { $0.split == part } }

    /// Rows of each kind.
    public func count(of kind: TrainingExample.Kind) -> Int { examples.count { $0.kind == kind } }
}
