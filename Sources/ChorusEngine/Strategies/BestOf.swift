/// Best-of-N: each problem's answer is the one of its highest-scored sample among the first k.
///
/// Scores come from a scorer (`JudgeScorer`, or a reward model whose scores were imported). Ties go
/// to the earlier sample; a sample with an unparseable answer is never chosen while another has one.
public struct BestOf: Sendable {
    /// Why best-of cannot run.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// A sample it had to weigh has no score.
        case missingScore(problemID: String, sampleIndex: Int)

        /// The message shown to the user.
        public var description: String {
            switch self {
            case let .missingScore(problemID, sampleIndex):
                "sample \(sampleIndex) of problem \(problemID) has no score"
            }
        }
    }

    /// Samples considered per problem; nil for all.
    public let k: Int?

    /// Creates the strategy.
    public init(k: Int? = nil) {
        self.k = k
    }

    /// Picks every problem's best sample; the result keeps the graded candidates for maj@k and oracle@k.
    public func run(on candidates: GradedSampleSet, name: String) throws -> StrategyResult {
        var decisions: [StrategyDecision] = []
        for problem in candidates.problems {
            try Task.checkCancellation()
            let limit = min(k ?? problem.samples.count, problem.samples.count)
            var best: (index: Int, score: Double)?
            for index in 0..<limit where problem.graded[index].classIndex != nil {
                guard let score = problem.samples[index].score else {
                    throw Failure.missingScore(problemID: problem.problem.id, sampleIndex: index)
                }
                if best == nil || score > best!.score { best = (index, score) }
            }
            guard let best, let classIndex = problem.graded[best.index].classIndex else {
                decisions.append(StrategyDecision(problemID: problem.problem.id, answer: nil, isCorrect: false))
                continue
            }
            let chosen = problem.classes[classIndex]
            decisions.append(StrategyDecision(problemID: problem.problem.id, answer: chosen.answer, isCorrect: chosen.isCorrect))
        }
        return StrategyResult(name: name, decisions: decisions, candidates: candidates, k: k, cost: candidates.cost)
    }
}
