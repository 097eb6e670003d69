/// Splits problems into train and test by a seeded hash of their ids, so a problem's rows all land
/// in one split and the split never depends on row order or on which other problems are present.
public struct TrainingSplit: Sendable, Equatable {
    /// A split.
    public enum Part: String, Sendable, CaseIterable {
        /// Rows the trainer learns from.
        case train
        /// Held-out rows for validation.
        case test
    }

    /// The share of problems held out for testing, in [0, 1).
    public let testFraction: Double
    /// Seeds the hash.
    public let seed: Int

    /// Creates a split; the fraction is clamped to [0, 0.99].
    public init(testFraction: Double, seed: Int = 1) {
        self.testFraction = min(max(testFraction, 0), 0.99)
        self.seed = seed
    }

    /// The split a problem belongs to.
    public func part(of problemID: String) -> Part {
        var random = SplitMix64(seed: UInt64(bitPattern: Int64(seed)), stream: Comparison.fnv1a(problemID))
        let draw = Double(random.next() >> 11) / Double(1 << 53)
        return draw < testFraction ? .test : .train
    }
}
