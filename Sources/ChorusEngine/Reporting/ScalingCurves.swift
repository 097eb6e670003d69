/// Accuracy as test-time compute grows, for several strategies at once: pass@k and maj@k curves of
/// sample sets, and the results of strategies (vote, best-of, aggregate, refine) as points, each
/// number with its 95% interval, against k or against the tokens per problem it cost.
///
/// Every number comes from ``Comparison``, so a point shows the accuracy, interval and tokens per
/// problem that `metrics` and `compare` print for the same row with the same seed.
public struct ScalingCurves: Sendable, Equatable {
    /// What the x axis measures.
    public enum Axis: String, Sendable, CaseIterable {
        /// Samples per problem.
        case k
        /// Mean tokens (prompt and completion) per problem.
        case tokens

        /// The axis title under the plot.
        public var title: String { self == .k ? "samples per problem (k)" : "tokens per problem" }
    }

    /// One thing to plot.
    public enum Input: Sendable {
        /// A sample set, drawn as its pass@k and maj@k curves at each k of `ks` (nil: 1, 2, 4, …
        /// and the samples every problem has).
        case curves(GradedSampleSet, ks: [Int]?)
        /// A combiner's answers (from aggregate or refine), drawn as one point: the accuracy of its
        /// answers, at the `k` candidates each prompt showed.
        case combined(GradedSampleSet, k: Int)
        /// A strategy's result (vote, best-of), drawn as one point at its k.
        case result(StrategyResult)
    }

    /// How a series is drawn.
    public enum Kind: Sendable, Equatable {
        /// A pass@k curve (solid).
        case passAtK
        /// A maj@k curve (dashed).
        case majorityAtK
        /// One strategy's result (a marker with an error bar).
        case strategy
    }

    /// One measured point.
    public struct Point: Sendable, Equatable {
        /// Samples per problem behind it.
        public let k: Int
        /// Mean tokens per problem it cost; nil when the samples carry no token counts.
        public let tokens: Double?
        /// Its accuracy (0…1) with the 95% bootstrap interval.
        public let estimate: Estimate
    }

    /// A curve or a single strategy's point.
    public struct Series: Sendable, Equatable {
        /// The label in the legend and the table (`s pass@k`, `usc@4`).
        public let label: String
        /// How it is drawn.
        public let kind: Kind
        /// Series of the same input share this number (a set's two curves), and so a colour.
        public let group: Int
        /// The points, k increasing.
        public let points: [Point]
    }

    /// Why a plot cannot be drawn.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// Nothing to draw.
        case noInputs
        /// A set without problems.
        case noProblems(set: String)
        /// A set where some problem has no sample.
        case noSamples(set: String)
        /// A k outside 1…the samples every problem of `set` has.
        case kOutOfRange(k: Int, available: Int, set: String)
        /// Something to place on a tokens axis whose cost is unknown.
        case noTokens(label: String)
        /// Two inputs over different problems.
        case differentProblems(first: String, other: String)

        /// The message shown to the user.
        public var description: String {
            switch self {
            case .noInputs: "no sample sets or strategy results to plot"
            case .noProblems(let set): "\(set) has no problems"
            case .noSamples(let set): "some problem of \(set) has no samples"
            case let .kOutOfRange(k, available, set):
                "k = \(k) is outside 1…\(available): \(set) has \(available) sample\(available == 1 ? "" : "s") per problem"
            case .noTokens(let label):
                "\(label) has no token counts to place it on a tokens axis (its samples were not drawn from a model)"
            case .differentProblems(let first, let other): "\(other) does not cover the same problems as \(first)"
            }
        }
    }

    /// The x axis.
    public let axis: Axis
    /// The curves and points, in the order of the inputs (a set's pass@k before its maj@k).
    public let series: [Series]
    /// What the table's rows mean: one line per kind of series, and what the intervals are.
    public let notes: [String]

    /// The plot of `inputs` against `axis`; the intervals are drawn from `generator` as `compare`
    /// draws them (`resamples` per point).
    public init(
        _ inputs: [Input], axis: Axis = .k, resamples: Int = BootstrapInterval.defaultResamples,
        using generator: inout some RandomNumberGenerator
    ) throws(Failure) {
        guard !inputs.isEmpty else { throw .noInputs }
        var comparison = Comparison(resamples: resamples)
        var series: [Series] = []
        for (group, input) in inputs.enumerated() {
            let before = comparison.rows.count
            switch input {
            case .curves(let set, let given):
                let available = try Self.samplesPerProblem(of: set)
                let ks = Array(Set(given ?? Self.defaultKs(upTo: available))).sorted()
                if let k = ks.first(where: { $0 < 1 || $0 > available }) {
                    throw .kOutOfRange(k: k, available: available, set: set.name)
                }
                try Self.comparing { try comparison.add(set, ks: ks, labelsWithName: false, using: &generator) }
                // maj@1 is pass@1, so both curves start from the pass@1 row when k = 1 is asked for.
                let added = comparison.rows[before...].filter { ks.contains($0.k) }
                let passAt1 = added.filter { $0.metric == .passAt1 }
                let prefix = set.name.isEmpty ? "" : set.name + " "
                series.append(
                    Series(
                        label: prefix + "pass@k", kind: .passAtK, group: group,
                        points: (passAt1 + added.filter { $0.metric == .passAtK }).map(Self.point)))
                series.append(
                    Series(
                        label: prefix + "maj@k", kind: .majorityAtK, group: group,
                        points: (passAt1 + added.filter { $0.metric == .majority }).map(Self.point)))
            case .combined(let set, let k):
                _ = try Self.samplesPerProblem(of: set)
                try Self.comparing { try comparison.add(set, ks: [], labelsWithName: false, using: &generator) }
                let points = comparison.rows[before...].map {
                    Point(k: k, tokens: $0.tokensPerProblem, estimate: $0.estimate)
                }
                series.append(Series(label: set.name, kind: .strategy, group: group, points: points))
            case .result(let result):
                if result.decisions.isEmpty { throw .noProblems(set: result.name) }
                try Self.comparing { try comparison.add(result, using: &generator) }
                series.append(
                    Series(
                        label: result.name, kind: .strategy, group: group,
                        points: comparison.rows[before...].map(Self.point)))
            }
        }
        if axis == .tokens, let missing = series.first(where: { $0.points.contains { $0.tokens == nil } }) {
            throw .noTokens(label: missing.label)
        }
        self.axis = axis
        self.series = series
        let combines = inputs.contains { if case .combined = $0 { true } else { false } }
        self.notes = Self.notes(for: series, combines: combines)
    }

    /// The x value of `point` on this plot's axis.
    public func x(of point: Point) -> Double {
        axis == .k ? Double(point.k) : point.tokens ?? 0
    }

    /// 1, 2, 4, … up to `available`, and `available` itself.
    static func defaultKs(upTo available: Int) -> [Int] {
        let powers = Array(sequence(first: 1) { $0 * 2 <= available ? $0 * 2 : nil })
        return powers.last == available ? powers : powers + [available]
    }

    /// Runs `body`, which adds rows to a comparison after the checks above, so the only failure
    /// left to it is a set over other problems.
    private static func comparing(_ body: () throws -> Void) throws(Failure) {
        do {
            try body()
        } catch Comparison.Failure.differentProblems(let first, let other) {
            throw .differentProblems(first: first, other: other)
        } catch {
            preconditionFailure("a checked plot input was refused: \(error)")
        }
    }

    /// The samples every problem of `set` has, at least one.
    private static func samplesPerProblem(of set: GradedSampleSet) throws(Failure) -> Int {
        guard let available = set.problems.map(\.samples.count).min() else { throw .noProblems(set: set.name) }
        guard available > 0 else { throw .noSamples(set: set.name) }
        return available
    }

    private static func point(_ row: ComparisonRow) -> Point {
        Point(k: row.k, tokens: row.tokensPerProblem, estimate: row.estimate)
    }

    /// The legend of the table: what each kind of series measures, then what the numbers are.
    private static func notes(for series: [Series], combines: Bool) -> [String] {
        let kinds: [(Kind, ComparisonMetric)] = [
            (.passAtK, .passAtK), (.majorityAtK, .majority), (.strategy, .strategy),
        ]
        var lines = kinds.filter { kind, _ in series.contains { $0.kind == kind } }.map(\.1.explanation)
        lines.append("95% CI: percentile bootstrap over problems, as metrics and compare give it with the same seed")
        if series.contains(where: { $0.points.contains { $0.tokens != nil } }) {
            let combined = combines ? "; for aggregate and refine, all they spent, their inputs included" : ""
            lines.append("tokens: per problem, for the k samples a point uses" + combined)
        }
        return lines
    }
}
