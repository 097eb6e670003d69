/// One row of a comparison: a strategy or a metric of a sample set, over the same problems.
public struct ComparisonRow: Sendable, Equatable {
    /// What the row measures (`pass@1`, `maj@5`, `ssa`, …).
    public let label: String
    /// The mean over problems with its 95% bootstrap interval.
    public let estimate: Estimate
    /// Problems with no answer (for strategies; nil for expectations over samples).
    public let unparseable: Int?
    /// Samples behind the row cut off before they finished (never voted, never correct).
    public let truncated: Int
    /// Mean tokens (prompt + completion) spent per problem, when known.
    public let tokensPerProblem: Double?
    /// Mean wall seconds per problem (the model's busy time, from the recorded samples), when known.
    public let secondsPerProblem: Double?
}

/// Builds the rows `compare` and `metrics` print, from per-problem scores, with seeded bootstrap intervals.
public struct Comparison: Sendable {
    /// Why a comparison cannot be made.
    public enum Failure: Error, Equatable, Sendable {
        /// The items do not cover the same problems in the same order.
        case differentProblems(first: String, other: String)
        /// A k larger than the samples some problem has.
        case kTooLarge(k: Int, available: Int, set: String)
        /// A k below 1.
        case kBelowOne(k: Int)
        /// Nothing to compare.
        case empty
    }

    /// The rows, in order.
    public private(set) var rows: [ComparisonRow] = []
    private var problemIDs: [String]?
    private var problemsLabel = ""
    private let resamples: Int
    private var baseSeed: UInt64?

    /// Creates an empty comparison; `resamples` bootstrap draws per row.
    public init(resamples: Int = BootstrapInterval.defaultResamples) {
        self.resamples = resamples
    }

    /// Adds a strategy's accuracy.
    public mutating func add(_ result: StrategyResult, using generator: inout some RandomNumberGenerator) throws {
        try checkProblems(result.decisions.map(\.problemID), label: result.name)
        let scores = result.decisions.map { $0.isCorrect ? 1.0 : 0.0 }
        try append(
            result.name, key: "strategy:" + result.name, scores: scores, unparseable: result.unparseableCount,
            truncated: result.truncatedCandidates, cost: result.cost, using: &generator)
    }

    /// Adds pass@1 and, for each k, maj@k, pass@k and oracle@k of a graded sample set.
    ///
    /// For k = 1, maj@1 and pass@1 equal pass@1 and are not repeated. Row labels
    /// start with the set's name when `labelsWithName` is set (several sets in one table).
    public mutating func add(
        _ set: GradedSampleSet, ks: [Int], labelsWithName: Bool = true,
        using generator: inout some RandomNumberGenerator
    ) throws {
        try checkProblems(set.problems.map(\.problem.id), label: set.name)
        let available = set.problems.map(\.samples.count).min() ?? 0
        let outcomes = set.problems.map { $0.outcome() }
        let prefix = set.name.isEmpty || !labelsWithName ? "" : set.name + " "
        try append(
            prefix + "pass@1", key: set.name + ":pass@1", scores: outcomes.map(\.passAt1), unparseable: nil,
            truncated: set.truncatedCount, cost: set.cost, using: &generator)
        for k in ks {
            guard k >= 1 else { throw Failure.kBelowOne(k: k) }
            guard k <= available else { throw Failure.kTooLarge(k: k, available: available, set: set.name) }
            if k > 1 {
                try append(
                    prefix + "maj@\(k)", key: set.name + ":maj@\(k)", scores: outcomes.map { $0.majorityAt(k) ?? 0 },
                    unparseable: nil,
                    truncated: Self.truncated(in: set, firstK: k), cost: set.cost, using: &generator)
                try append(
                    prefix + "pass@\(k)", key: set.name + ":pass@\(k)", scores: outcomes.map { $0.passAt(k) ?? 0 },
                    unparseable: nil,
                    truncated: Self.truncated(in: set, firstK: k), cost: set.cost, using: &generator)
            }
            try append(
                prefix + "oracle@\(k)", key: set.name + ":oracle@\(k)", scores: outcomes.map { $0.oracleAt(k) ?? 0 },
                unparseable: nil,
                truncated: Self.truncated(in: set, firstK: k), cost: set.cost, using: &generator)
        }
    }

    /// Truncated samples among the first `k` of each problem.
    static func truncated(in set: GradedSampleSet, firstK k: Int) -> Int {
        set.problems.reduce(0) { $0 + $1.graded.prefix(k).count(where: \.isTruncated) }
    }

    /// FNV-1a, a fixed 64-bit hash of the key (Swift's `hashValue` changes from run to run).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private mutating func checkProblems(_ ids: [String], label: String) throws {
        guard let known = problemIDs else {
            problemIDs = ids
            problemsLabel = label
            return
        }
        guard known == ids else { throw Failure.differentProblems(first: problemsLabel, other: label) }
    }

    /// Adds a row; its bootstrap draws depend only on the first draw of `generator` and the row's key,
    /// so the same metric shows the same interval in every table made with the same seed.
    private mutating func append(
        _ label: String, key: String, scores: [Double], unparseable: Int?, truncated: Int, cost: Cost,
        using generator: inout some RandomNumberGenerator
    ) throws {
        if baseSeed == nil { baseSeed = generator.next() }
        var rowGenerator = SplitMix64(seed: baseSeed! ^ Self.fnv1a(key))
        guard let estimate = BootstrapInterval.estimate(scores, resamples: resamples, using: &rowGenerator) else {
            throw Failure.empty
        }
        let count = Double(scores.count)
        rows.append(
            ComparisonRow(
                label: label, estimate: estimate, unparseable: unparseable, truncated: truncated,
                tokensPerProblem: cost.totalTokens > 0 ? Double(cost.totalTokens) / count : nil,
                secondsPerProblem: cost.wallSeconds > 0 ? cost.wallSeconds / count : nil))
    }

    /// The rows as a table: accuracy in percent with its 95% interval, unparseable answers, truncated
    /// samples (a column shown only when some row has one), cost per problem.
    public var table: TextTable {
        let showsTruncation = rows.contains { $0.truncated > 0 }
        let rendered = rows.map { row -> [String] in
            [
                row.label,
                NumberFormatting.fixed(row.estimate.value * 100, digits: 1),
                "[" + NumberFormatting.fixed(row.estimate.lower * 100, digits: 1) + ", "
                    + NumberFormatting.fixed(row.estimate.upper * 100, digits: 1) + "]",
                row.unparseable.map(String.init) ?? "",
                showsTruncation ? String(row.truncated) : "",
                row.tokensPerProblem.map { NumberFormatting.fixed($0, digits: 0) } ?? "",
                row.secondsPerProblem.map { NumberFormatting.duration(seconds: $0) } ?? "",
            ]
        }
        let header = ["strategy", "acc %", "95% CI", "no answer", "truncated", "tokens/problem", "time/problem"]
        // Columns no row fills (costs of hand-made samples, say) are left out.
        let kept = header.indices.filter { column in column < 3 || rendered.contains { !$0[column].isEmpty } }
        return TextTable(header: kept.map { header[$0] }, rows: rendered.map { row in kept.map { row[$0] } })
    }
}
