/// One reasoning problem: a question, its gold answer, and where it came from.
public struct Problem: Sendable, Equatable, Hashable {
    /// An identifier, unique within its dataset.
    public var id: String
    /// The question as the model is shown it.
    public var question: String
    /// The reference answer, as written by the dataset (compared by equivalence, not as a string).
    public var goldAnswer: String
    /// A worked reference solution, when the dataset has one.
    public var goldSolution: String?
    /// The collection the problem comes from, such as `gsm8k`, `math` or `arithmetic`.
    public var source: String
    /// Extra labels the dataset carries, such as a MATH problem's `level` and `type`.
    public var metadata: [String: String]

    /// Creates a problem.
    public init(
        id: String,
        question: String,
        goldAnswer: String,
        goldSolution: String? = nil,
        source: String,
        metadata: [String: String] = [:]
    ) {
        self.id = id
        self.question = question
        self.goldAnswer = goldAnswer
        self.goldSolution = goldSolution
        self.source = source
        self.metadata = metadata
    }
}
