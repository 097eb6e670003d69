import Foundation

/// What a vote counts for each sample.
public enum VoteWeighting: String, Sendable, CaseIterable {
    /// One vote per sample.
    case count
    /// exp(mean token log-probability): the sample's per-token probability (needs log-probabilities).
    case logProbability = "logprob"
    /// The scorer's rating of the sample (needs scores).
    case score
}

/// Majority vote over answer classes of the first k samples of each problem.
///
/// The class with the largest total weight wins. Ties are broken, in order,
/// by more samples, then by the earlier first appearance among the first k
/// samples, so the result never depends on anything but the samples' order.
/// Unparseable samples do not vote; a problem whose first k samples are all
/// unparseable gets no answer (counted as unparseable, not as wrong). Weighted
/// by score, a sample without one (a judgement with no readable score) does not
/// vote either; weighted by log-probability, a missing one is an error (the
/// model was not asked for them).
public struct MajorityVote: Sendable {
    /// Why a vote cannot be taken.
    public enum Failure: Error, Equatable, Sendable {
        /// A sample lacks what the weighting needs.
        case missingWeight(problemID: String, sampleIndex: Int, weighting: VoteWeighting)
    }

    /// How many samples per problem vote; nil for all.
    public let k: Int?
    /// What each sample's vote counts.
    public let weighting: VoteWeighting

    /// Creates a vote.
    public init(k: Int? = nil, weighting: VoteWeighting = .count) {
        self.k = k
        self.weighting = weighting
    }

    /// The winning class of one problem.
    public func decide(_ problem: GradedProblem) throws -> StrategyDecision {
        let limit = min(k ?? problem.samples.count, problem.samples.count)
        guard let winner = try winningClass(of: problem, among: Array(0..<limit)) else {
            return StrategyDecision(problemID: problem.problem.id, answer: nil, isCorrect: false)
        }
        return StrategyDecision(
            problemID: problem.problem.id, answer: problem.classes[winner].answer,
            isCorrect: problem.classes[winner].isCorrect)
    }

    /// The index of the class that wins among the samples at `indices` (earlier in `indices` wins a
    /// tie); nil when none of them is parseable. `k` is not applied: the indices are the voters.
    public func winningClass(of problem: GradedProblem, among indices: [Int]) throws -> Int? {
        var weights = Array(repeating: 0.0, count: problem.classes.count)
        var counts = Array(repeating: 0, count: problem.classes.count)
        var firstSeen = Array(repeating: Int.max, count: problem.classes.count)
        for (position, index) in indices.enumerated() {
            guard let classIndex = problem.graded[index].classIndex else { continue }
            guard let weight = try weight(of: problem.samples[index], index: index, problemID: problem.problem.id)
            else {
                continue
            }
            weights[classIndex] += weight
            counts[classIndex] += 1
            firstSeen[classIndex] = min(firstSeen[classIndex], position)
        }
        var winner: Int?
        for candidate in problem.classes.indices where counts[candidate] > 0 {
            guard let best = winner else {
                winner = candidate
                continue
            }
            let better =
                weights[candidate] > weights[best]
                || (weights[candidate] == weights[best]
                    && (counts[candidate] > counts[best]
                        || (counts[candidate] == counts[best] && firstSeen[candidate] < firstSeen[best])))
            if better { winner = candidate }
        }
        return winner
    }

    /// A sample's vote; nil when it has no score to weigh by.
    private func weight(of sample: Sample, index: Int, problemID: String) throws -> Double? {
        switch weighting {
        case .count:
            return 1
        case .logProbability:
            guard let value = sample.meanLogProbability else {
                throw Failure.missingWeight(problemID: problemID, sampleIndex: index, weighting: weighting)
            }
            return exp(value)
        case .score:
            return sample.score
        }
    }

    /// Voting samples (parseable, among the first k) whose score a score-weighted vote lacks, and
    /// which therefore do not vote; 0 for the other weightings.
    public func unweightedCount(in candidates: GradedSampleSet) -> Int {
        guard weighting == .score else { return 0 }
        return candidates.problems.reduce(0) { total, problem in
            total + voters(of: problem).count { problem.samples[$0].score == nil }
        }
    }

    /// The parseable samples among the first k.
    private func voters(of problem: GradedProblem) -> [Int] {
        (0..<min(k ?? problem.samples.count, problem.samples.count)).filter { problem.graded[$0].classIndex != nil }
    }

    /// Votes on every problem; the result keeps the graded candidates for maj@k and oracle@k.
    /// A score-weighted vote over a set with no score at all is an error (the set was never scored).
    public func run(on candidates: GradedSampleSet, name: String) throws -> StrategyResult {
        if weighting == .score {
            let voting = candidates.problems.lazy.flatMap { problem in self.voters(of: problem).map { (problem, $0) } }
            if let (problem, index) = voting.first, !voting.contains(where: { $0.0.samples[$0.1].score != nil }) {
                throw Failure.missingWeight(problemID: problem.problem.id, sampleIndex: index, weighting: .score)
            }
        }
        var decisions: [StrategyDecision] = []
        for problem in candidates.problems {
            try Task.checkCancellation()
            decisions.append(try decide(problem))
        }
        return StrategyResult(name: name, decisions: decisions, candidates: candidates, k: k, cost: candidates.cost)
    }
}
