/// How a combiner (aggregation, refinement) did against majority vote on the same problems.
public struct RefinementComparison: Sendable, Equatable {
    /// Strategy accuracy minus maj@k accuracy (GSR's refinement gap), in [-1, 1].
    public let gap: Double
    /// Problems the strategy got right although every candidate it saw was wrong.
    public let recoveredWhenAllWrong: Int
    /// Problems where the majority of candidates was right but the strategy was wrong.
    public let lostWhenMajorityRight: Int
    /// Problems compared.
    public let problems: Int

    /// Compares per-problem results; all arrays hold one entry per problem, in the same order.
    ///
    /// - Parameters:
    ///   - strategyCorrect: whether the strategy's answer was correct.
    ///   - majorityScores: the maj@k score of the candidates (fractional under ties).
    ///   - anyCandidateCorrect: whether any candidate the strategy saw was correct.
    public init?(strategyCorrect: [Bool], majorityScores: [Double], anyCandidateCorrect: [Bool]) {
        let count = strategyCorrect.count
        guard count > 0, majorityScores.count == count, anyCandidateCorrect.count == count else { return nil }
        let accuracy = Double(strategyCorrect.count { $0 }) / Double(count)
        let majority = majorityScores.reduce(0, +) / Double(count)
        gap = accuracy - majority
        recoveredWhenAllWrong = (0..<count).count { strategyCorrect[$0] && !anyCandidateCorrect[$0] }
        lostWhenMajorityRight = (0..<count).count { !strategyCorrect[$0] && majorityScores[$0] > 0.5 }
        problems = count
    }
}
