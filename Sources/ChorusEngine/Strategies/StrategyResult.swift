/// One problem's final answer under a strategy.
public struct StrategyDecision: Sendable, Equatable {
    /// The problem's id.
    public let problemID: String
    /// The chosen answer; nil when the strategy produced none (unparseable).
    public let answer: String?
    /// Whether the answer matches the gold answer.
    public let isCorrect: Bool

    /// Creates a decision.
    public init(problemID: String, answer: String?, isCorrect: Bool) {
        self.problemID = problemID
        self.answer = answer
        self.isCorrect = isCorrect
    }

    /// Whether the strategy gave no answer.
    public var isUnparseable: Bool { answer == nil }
}

/// What a strategy (vote, aggregation, refinement, …) answered for every problem, and what it cost.
public struct StrategyResult: Sendable {
    /// A label for tables (`maj@5`, `ssa`, …).
    public let name: String
    /// One decision per problem, in problem order.
    public let decisions: [StrategyDecision]
    /// The graded samples the strategy chose from, for maj@k and oracle@k beside it.
    public let candidates: GradedSampleSet
    /// How many candidates per problem it used; nil for all.
    public let k: Int?
    /// Everything spent to reach these answers, earlier stages included.
    public let cost: Cost

    /// Creates a result.
    public init(name: String, decisions: [StrategyDecision], candidates: GradedSampleSet, k: Int?, cost: Cost) {
        self.name = name
        self.decisions = decisions
        self.candidates = candidates
        self.k = k
        self.cost = cost
    }

    /// The fraction of problems answered correctly.
    public var accuracy: Double {
        decisions.isEmpty ? 0 : Double(decisions.count { $0.isCorrect }) / Double(decisions.count)
    }

    /// Problems with no answer.
    public var unparseableCount: Int { decisions.count { $0.isUnparseable } }

    /// Candidates (of the first k per problem) cut off before they finished, so never voted or chosen.
    public var truncatedCandidates: Int {
        candidates.problems.reduce(0) { total, problem in
            total + problem.graded.prefix(k ?? problem.graded.count).count(where: \.isTruncated)
        }
    }
}
