/// One problem's answers under a strategy, as `answers` lists them: the gold, the classes of
/// equivalent answers among the candidates with their votes, the strategy's pick, and what was cut
/// off or unreadable.
public struct ProblemAnswers: Sendable, Equatable {
    /// A class of equivalent answers and how many candidates gave it.
    public struct Votes: Sendable, Equatable {
        /// The answer as first written.
        public let answer: String
        /// Candidates in the class.
        public let count: Int
        /// Whether the class matches the gold answer.
        public let isCorrect: Bool
    }

    /// The problem's id.
    public let problemID: String
    /// The gold answer.
    public let gold: String
    /// The classes among the candidates, most votes first (then in order of first appearance).
    public let classes: [Votes]
    /// The strategy's answer; nil when it gave none.
    public let pick: String?
    /// Whether the pick is right.
    public let pickIsCorrect: Bool
    /// Whether some candidate is right (oracle).
    public let anyCorrect: Bool
    /// Candidates looked at (the first k).
    public let candidates: Int
    /// Candidates cut off before they finished.
    public let truncated: Int
    /// Candidates with no readable answer (truncated ones not included).
    public let unparseable: Int

    /// The answers of `problem`'s first `k` samples (all when nil) and the strategy's `decision`.
    public init(_ problem: GradedProblem, decision: StrategyDecision, firstK k: Int?) {
        let limit = min(k ?? problem.samples.count, problem.samples.count)
        let outcome = problem.outcome(firstK: limit)
        var counts = Array(repeating: 0, count: problem.classes.count)
        for index in 0..<limit { if let classIndex = problem.graded[index].classIndex { counts[classIndex] += 1 } }
        // Classes are numbered in order of first appearance, which breaks ties between equal counts.
        let order = problem.classes.indices.filter { counts[$0] > 0 }
            .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        problemID = problem.problem.id
        gold = problem.problem.goldAnswer
        classes = order.map {
            Votes(answer: problem.classes[$0].answer, count: counts[$0], isCorrect: problem.classes[$0].isCorrect)
        }
        pick = decision.answer
        pickIsCorrect = decision.isCorrect
        anyCorrect = outcome.correct > 0
        candidates = limit
        truncated = outcome.truncated
        unparseable = outcome.unparseable
    }

    /// The classes as people read them: `42×3, 41×1`.
    public var classesText: String {
        classes.map { "\($0.answer)×\($0.count)" }.joined(separator: ", ")
    }

    /// Whether the two largest classes have the same votes (a vote must break the tie; maj@k splits it).
    public var isTied: Bool { classes.count >= 2 && classes[0].count == classes[1].count }
}
