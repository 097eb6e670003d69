/// What the candidates one prompt shows say about a problem: whether their majority answer is right,
/// and whether any of them is.
public struct CandidateVerdict: Sendable, Equatable {
    /// Whether the shown candidates' majority answer (ties to the earlier) is right; false when none parses.
    public let majorityCorrect: Bool
    /// Whether any shown candidate is right.
    public let anyCorrect: Bool

    /// A verdict as given.
    public init(majorityCorrect: Bool, anyCorrect: Bool) {
        self.majorityCorrect = majorityCorrect
        self.anyCorrect = anyCorrect
    }

    /// The verdict on the samples at `candidates` of `problem`.
    public init(_ candidates: [Int], of problem: GradedProblem) throws {
        let winner = try MajorityVote().winningClass(of: problem, among: candidates)
        majorityCorrect = winner.map { problem.classes[$0].isCorrect } ?? false
        anyCorrect = candidates.contains { problem.isCorrect($0) }
    }
}

extension TrainingData.Report {
    /// Counts one prompt's verdict.
    mutating func count(_ verdict: CandidateVerdict) {
        if verdict.majorityCorrect { majorityRight += 1 } else { majorityWrong += 1 }
        if !verdict.anyCorrect { noneCorrect += 1 }
    }
}
