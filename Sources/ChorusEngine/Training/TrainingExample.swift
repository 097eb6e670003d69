/// One row of training data: a prompt for the model being trained, the gold answer its reward is
/// graded against, and for supervised fine-tuning a target solution.
public struct TrainingExample: Sendable, Equatable {
    /// What the prompt asks for.
    public enum Kind: String, Sendable, CaseIterable {
        /// SSA: read K sampled answers, give one answer in `<answer>`.
        case aggregate
        /// GSR's direct part: solve the problem from scratch.
        case solve
        /// GSR's refinement part: the problem with K candidate solutions, write a new one.
        case refine
    }

    /// The problem the row comes from.
    public let problem: Problem
    /// What the prompt asks for.
    public let kind: Kind
    /// The chat messages the trained model sees.
    public let messages: [ChatMessage]
    /// Which split the row is in (all rows of a problem share one split).
    public let split: TrainingSplit.Part
    /// Where the trained model must put its answer for the reward to read it.
    public let answerFormat: RewardFunction.AnswerFormat
    /// The solution an SFT row teaches: a sample the grader marked correct; nil for RL rows.
    public let target: String?
    /// How many candidates the prompt shows (0 for a direct prompt).
    public let candidateCount: Int
    /// Whether the majority of the shown candidates is right; nil for a direct prompt.
    public let majorityCorrect: Bool?
    /// Whether any shown candidate is right; nil for a direct prompt.
    public let anyCorrect: Bool?

    /// Creates a row.
    public init(
        problem: Problem, kind: Kind, messages: [ChatMessage], split: TrainingSplit.Part,
        answerFormat: RewardFunction.AnswerFormat, target: String? = nil, candidateCount: Int = 0,
        majorityCorrect: Bool? = nil, anyCorrect: Bool? = nil
    ) {
        self.problem = problem
        self.kind = kind
        self.messages = messages
        self.split = split
        self.answerFormat = answerFormat
        self.target = target
        self.candidateCount = candidateCount
        self.majorityCorrect = majorityCorrect
        self.anyCorrect = anyCorrect
    }
}
