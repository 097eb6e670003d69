/// Which fields of a generic JSONL or CSV file hold a problem's parts.
public struct FieldMapping: Sendable, Equatable, Hashable {
    /// The field holding the question.
    public var question: String
    /// The field holding the gold answer, taken as written.
    public var answer: String
    /// The field holding the id; without one, ids are `<name>-<line>`.
    public var id: String?
    /// The field holding a worked solution, if any.
    public var solution: String?

    /// Creates a mapping.
    public init(question: String, answer: String, id: String? = nil, solution: String? = nil) {
        self.question = question
        self.answer = answer
        self.id = id
        self.solution = solution
    }
}
