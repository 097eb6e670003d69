/// What a row of `compare` or `metrics` measures, so the table can say it in words under the rows.
public enum ComparisonMetric: Sendable, Equatable, CaseIterable {
    /// One sample's chance of being right.
    case passAt1
    /// The expected majority vote of k samples drawn from the n.
    case majority
    /// Some sample among k drawn from the n is right.
    case passAtK
    /// Some sample among the first k is right.
    case oracle
    /// A strategy's chosen answer (a vote, an aggregation, a refinement) is right.
    case strategy

    /// The line that explains the metric to someone who has not read the papers.
    public var explanation: String {
        switch self {
        case .passAt1: "pass@1: one sample is right (the mean over each problem's samples)"
        case .majority:
            "maj@k: a vote of k samples is right, averaged over every k of the n samples; a tie of t answers counts 1/t"
        case .passAtK: "pass@k: some sample among k of the n is right, averaged over every k of them"
        case .oracle: "oracle@k: some sample among the first k is right, the most a combiner of those k can reach"
        case .strategy:
            "a strategy row: the one answer it chose per problem is right; a vote breaks a tie (larger class, then first seen)"
        }
    }

    /// The legend of a table with `rows`: one line per kind of row in it, and what cost columns count.
    static func legend(for rows: [ComparisonRow]) -> [String] {
        var lines = allCases.filter { metric in rows.contains { $0.metric == metric } }.map(\.explanation)
        if rows.contains(where: { $0.metric != .strategy && $0.tokensPerProblem != nil }) {
            lines.append("tokens and time: per problem, for the samples a row uses (1 for pass@1, k for the @k rows)")
        }
        return lines
    }
}
