/// A generated problem together with the numbers it was built from, so its answer can be re-derived.
public struct GeneratedArithmeticProblem: Sendable, Equatable {
    /// The problem, with its gold answer and worked solution.
    public var problem: Problem
    /// The template that wrote it.
    public var template: ArithmeticTemplate
    /// How its gold answer is written.
    public var answerForm: ArithmeticAnswerForm
    /// The numbers drawn for it, by name (each template documents its names).
    public var quantities: [String: Int]

    /// Creates a generated problem.
    public init(
        problem: Problem, template: ArithmeticTemplate, answerForm: ArithmeticAnswerForm, quantities: [String: Int]
    ) {
        self.problem = problem
        self.template = template
        self.answerForm = answerForm
        self.quantities = quantities
    }
}
