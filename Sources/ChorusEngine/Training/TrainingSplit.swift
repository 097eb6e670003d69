/// Splits problems into train and test: the problems are ranked by a seeded hash of their ids and
/// the first `testFraction` of them (rounded) are held out, so a problem's rows all land in one
/// split, the held-out share is the one asked for, and the split never depends on row order.
public struct TrainingSplit: Sendable, Equatable {
    /// A split: `train`, the rows the trainer learns from, or `test`, held-out rows for validation.
    public enum Part: String, Sendable, CaseIterable {
        case train, test
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

    /// The part each of `ids` belongs to (an id given twice is one problem).
    public func parts(for ids: [String]) -> [String: Part] {
        let distinct = Array(Set(ids))
        let ranked = distinct.map { id -> (UInt64, String) in
            var random = SplitMix64(seed: UInt64(bitPattern: Int64(seed)), stream: Comparison.fnv1a(id))
            return (random.next(), id)
        }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        let held = Int((Double(distinct.count) * testFraction).rounded())
        var parts: [String: Part] = [:]
        for (rank, entry) in ranked.enumerated() { parts[entry.1] = rank < held ? .test : .train }
        return parts
    }
}
