/// What one problem's samples say, the input of every per-problem metric.
public struct ProblemOutcome: Sendable, Equatable {
    /// Samples in the correct answer class.
    public var correct: Int
    /// Sizes of the wrong answer classes.
    public var wrongClassSizes: [Int]
    /// Samples with no parseable answer.
    public var unparseable: Int
    /// Samples cut off before they finished: like unparseable ones, they never vote and are never correct.
    public var truncated: Int
    /// Whether each sample is correct, in sample order (for oracle@k on the first k).
    public var correctInOrder: [Bool]

    /// Creates an outcome.
    public init(correct: Int, wrongClassSizes: [Int], unparseable: Int, truncated: Int = 0, correctInOrder: [Bool]) {
        self.correct = correct
        self.wrongClassSizes = wrongClassSizes
        self.unparseable = unparseable
        self.truncated = truncated
        self.correctInOrder = correctInOrder
    }

    /// All samples.
    public var sampleCount: Int { correct + wrongClassSizes.reduce(0, +) + unparseable + truncated }

    /// The fraction of samples that are correct: the expected pass@1 of one sample.
    public var passAt1: Double { sampleCount == 0 ? 0 : Double(correct) / Double(sampleCount) }

    /// Unbiased pass@k over all k-subsets.
    public func passAt(_ k: Int) -> Double? { PassAtK.estimate(samples: sampleCount, correct: correct, k: k) }

    /// Exact expected maj@k over all k-subsets.
    public func majorityAt(_ k: Int) -> Double? {
        MajorityAtK.expectation(
            correctVotes: correct, otherClassSizes: wrongClassSizes, unparseable: unparseable + truncated, k: k)
    }

    /// oracle@k: 1 when any of the first k samples (the set a combiner sees) is correct.
    public func oracleAt(_ k: Int) -> Double? {
        guard k >= 1, k <= correctInOrder.count else { return nil }
        return correctInOrder.prefix(k).contains(true) ? 1 : 0
    }
}
