/// Best-of-N: each problem's answer is the one of its highest-scored sample among the first k.
///
/// Scores come from a scorer (`SampleScorer`, or a reward model whose scores were imported). Ties go
/// to the earlier sample; a sample with an unparseable answer, or without a score (a judge whose
/// rating could not be read), is never chosen while another has both.
public struct BestOf: Sendable {
    /// Why best-of cannot run.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// No sample it had to weigh has a score: the set was never scored.
        case noScores

        /// The message shown to the user.
        public var description: String {
            switch self {
            case .noScores: "no sample has a score"
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
        guard
            unscoredCount(in: candidates) < candidates.problems.reduce(0, { $0 + consideredCount($1) })
                || candidates.problems.allSatisfy({ consideredCount($0) == 0 })
        else { throw Failure.noScores }
        var decisions: [StrategyDecision] = []
        for problem in candidates.problems {
            try Task.checkCancellation()
            let limit = min(k ?? problem.samples.count, problem.samples.count)
            var best: (index: Int, score: Double)?
            for index in 0..<limit where problem.graded[index].classIndex != nil {
                guard let score = problem.samples[index].score else { continue }
                if best == nil || score > best!.score { best = (index, score) }
            }
            guard let best, let classIndex = problem.graded[best.index].classIndex else {
                decisions.append(StrategyDecision(problemID: problem.problem.id, answer: nil, isCorrect: false))
                continue
            }
            let chosen = problem.classes[classIndex]
            decisions.append(
                StrategyDecision(problemID: problem.problem.id, answer: chosen.answer, isCorrect: chosen.isCorrect))
        }
        return StrategyResult(name: name, decisions: decisions, candidates: candidates, k: k, cost: candidates.cost)
    }

    /// Samples with a parseable answer among the first k of a problem: the ones best-of weighs.
    private func consideredCount(_ problem: GradedProblem) -> Int {
        (0..<min(k ?? problem.samples.count, problem.samples.count)).count { problem.graded[$0].classIndex != nil }
    }

    /// Samples best-of would weigh that have no score, and so are passed over.
    public func unscoredCount(in candidates: GradedSampleSet) -> Int {
        candidates.problems.reduce(0) { total, problem in
            total
                + (0..<min(k ?? problem.samples.count, problem.samples.count)).count {
                    problem.graded[$0].classIndex != nil && problem.samples[$0].score == nil
                }
        }
    }
}
