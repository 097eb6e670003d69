/// One row of a comparison: a strategy or a metric of a sample set, over the same problems.
public struct ComparisonRow: Sendable, Equatable {
    /// What the row measures (`pass@1`, `maj@5`, `ssa`, …).
    public let label: String
    /// The kind of number the row is, for the legend under the table.
    public let metric: ComparisonMetric
    /// Samples per problem the row reads: 1 for pass@1, k for an @k row, a strategy's k (its
    /// candidates per problem when it used them all), so a plot can place the row.
    public let k: Int
    /// The mean over problems with its 95% bootstrap interval.
    public let estimate: Estimate
    /// Problems with no answer (for strategies; nil for expectations over samples).
    public let unparseable: Int?
    /// Samples behind the row cut off before they finished (never voted, never correct).
    public let truncated: Int
    /// Mean tokens (prompt + completion) per problem for the samples the row uses, when known.
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
    /// What told each row's item apart where it was given (a variable's name), row by row.
    private var tags: [String?] = []
    private var problemIDs: [String]?
    private var problemsLabel = ""
    private let resamples: Int
    private var baseSeed: UInt64?

    /// Creates an empty comparison; `resamples` bootstrap draws per row.
    public init(resamples: Int = BootstrapInterval.defaultResamples) {
        self.resamples = resamples
    }

    /// Adds a strategy's accuracy; `tag` (the variable it came from, say) tells it apart in the
    /// table from another row with the same label. A strategy that read the first k of each
    /// problem's candidates is charged their share of its cost, as a set's @k row is: a vote over 4
    /// of 8 samples costs 4.
    public mutating func add(
        _ result: StrategyResult, tag: String? = nil, using generator: inout some RandomNumberGenerator
    ) throws {
        try checkProblems(result.decisions.map(\.problemID), label: result.name)
        defer { tags += Array(repeating: tag, count: rows.count - tags.count) }
        let scores = result.decisions.map { $0.isCorrect ? 1.0 : 0.0 }
        let counts = result.candidates.problems.map(\.samples.count)
        let total = counts.reduce(0, +)
        let used = counts.reduce(0) { $0 + min(result.k ?? $1, $1) }
        let share = total > 0 ? Double(used) / Double(total) : 1
        try append(
            result.name, metric: .strategy, k: result.k ?? counts.min() ?? 0, key: "strategy:" + result.name,
            scores: scores, unparseable: result.unparseableCount, truncated: result.truncatedCandidates,
            cost: result.cost, perProblem: { $0 * share / Double(scores.count) }, using: &generator)
    }

    /// Adds pass@1 and, for each k, maj@k, pass@k and oracle@k of a graded sample set.
    ///
    /// For k = 1, maj@1 and pass@1 equal pass@1 and are not repeated. Row labels
    /// start with the set's name when `labelsWithName` is set (several sets in one table); `tag`
    /// tells them apart from rows with the same labels.
    public mutating func add(
        _ set: GradedSampleSet, ks: [Int], labelsWithName: Bool = true, tag: String? = nil,
        using generator: inout some RandomNumberGenerator
    ) throws {
        try checkProblems(set.problems.map(\.problem.id), label: set.name)
        defer { tags += Array(repeating: tag, count: rows.count - tags.count) }
        let available = set.problems.map(\.samples.count).min() ?? 0
        let outcomes = set.problems.map { $0.outcome() }
        let prefix = set.name.isEmpty || !labelsWithName ? "" : set.name + " "
        // A row that uses k samples of each problem costs k samples' worth: pass@1 one, maj@4 four.
        let sampleCount = max(1, set.problems.reduce(0) { $0 + $1.samples.count })
        let samples = { (k: Int) in { (total: Double) in total * Double(k) / Double(sampleCount) } }
        try append(
            prefix + "pass@1", metric: .passAt1, k: 1, key: set.name + ":pass@1", scores: outcomes.map(\.passAt1),
            unparseable: nil, truncated: set.truncatedCount, cost: set.cost, perProblem: samples(1),
            using: &generator)
        for k in ks {
            guard k >= 1 else { throw Failure.kBelowOne(k: k) }
            guard k <= available else { throw Failure.kTooLarge(k: k, available: available, set: set.name) }
            let truncated = Self.truncated(in: set, firstK: k)
            if k > 1 {
                try append(
                    prefix + "maj@\(k)", metric: .majority, k: k, key: set.name + ":maj@\(k)",
                    scores: outcomes.map { $0.majorityAt(k) ?? 0 }, unparseable: nil, truncated: truncated,
                    cost: set.cost, perProblem: samples(k), using: &generator)
                try append(
                    prefix + "pass@\(k)", metric: .passAtK, k: k, key: set.name + ":pass@\(k)",
                    scores: outcomes.map { $0.passAt(k) ?? 0 }, unparseable: nil, truncated: truncated,
                    cost: set.cost, perProblem: samples(k), using: &generator)
            }
            try append(
                prefix + "oracle@\(k)", metric: .oracle, k: k, key: set.name + ":oracle@\(k)",
                scores: outcomes.map { $0.oracleAt(k) ?? 0 }, unparseable: nil, truncated: truncated,
                cost: set.cost, perProblem: samples(k), using: &generator)
        }
    }

    /// The rows' labels as the table shows them: two rows with one label (`maj@4` of two sets) are
    /// never merged in a reader's eye; each gets its tag in brackets (`maj@4 [v]`), and rows still
    /// alike a number (`maj@4 [v] #2`).
    public var displayLabels: [String] {
        let counts = Dictionary(rows.map { ($0.label, 1) }, uniquingKeysWith: +)
        var labels = zip(rows, tags).map { row, tag in
            guard counts[row.label, default: 0] > 1, let tag else { return row.label }
            return row.label + " [" + tag + "]"
        }
        var seen: [String: Int] = [:]
        for index in labels.indices {
            seen[labels[index], default: 0] += 1
            if let count = seen[labels[index]], count > 1 { labels[index] += " #\(count)" }
        }
        return labels
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
        _ label: String, metric: ComparisonMetric, k: Int, key: String, scores: [Double], unparseable: Int?,
        truncated: Int,
        cost: Cost, perProblem: ((Double) -> Double)? = nil, using generator: inout some RandomNumberGenerator
    ) throws {
        if baseSeed == nil { baseSeed = generator.next() }
        var rowGenerator = SplitMix64(seed: baseSeed! ^ Self.fnv1a(key))
        guard let estimate = BootstrapInterval.estimate(scores, resamples: resamples, using: &rowGenerator) else {
            throw Failure.empty
        }
        let count = Double(scores.count)
        let perProblem = perProblem ?? { $0 / count }
        rows.append(
            ComparisonRow(
                label: label, metric: metric, k: k, estimate: estimate, unparseable: unparseable, truncated: truncated,
                tokensPerProblem: cost.totalTokens > 0 ? perProblem(Double(cost.totalTokens)) : nil,
                secondsPerProblem: cost.wallSeconds > 0 ? perProblem(cost.wallSeconds) : nil))
    }

    /// The rows as a table: accuracy in percent with its 95% interval, unparseable answers, truncated
    /// samples (a column shown only when some row has one), cost per problem; under it, a legend of
    /// the kinds of rows it holds.
    public var table: DataTable {
        let showsTruncation = rows.contains { $0.truncated > 0 }
        let cells = zip(rows, displayLabels).map { row, label -> [TableCell] in
            [
                .text(label),
                .number(row.estimate.value * 100),
                .interval(lower: row.estimate.lower * 100, upper: row.estimate.upper * 100),
                row.unparseable.map(TableCell.int) ?? .none,
                showsTruncation ? .int(row.truncated) : .none,
                row.tokensPerProblem.map(TableCell.number) ?? .none,
                row.secondsPerProblem.map(TableCell.number) ?? .none,
            ]
        }
        let columns = [
            TableColumn("strategy"), TableColumn("acc %", key: "acc", format: .fixed(digits: 1)),
            TableColumn("95% CI", key: "ci", format: .fixed(digits: 1)), TableColumn("no answer", key: "no_answer"),
            TableColumn("truncated"), TableColumn("tokens/problem", key: "tokens", format: .fixed(digits: 0)),
            TableColumn("time/problem", key: "seconds", format: .duration),
        ]
        // Columns no row fills (costs of hand-made samples, say) are left out.
        return DataTable(columns: columns, rows: cells, notes: ComparisonMetric.legend(for: rows))
            .droppingEmptyColumns(among: 3..<columns.count)
    }
}
