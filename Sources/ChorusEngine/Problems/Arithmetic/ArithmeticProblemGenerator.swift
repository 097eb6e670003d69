/// Writes grade-school arithmetic word problems from a seed, with exact answers, so demos and tests
/// have real problems without a download.
///
/// Problem `i` depends only on the seed and `i` (each index draws from its own stream), so a larger
/// dataset extends a smaller one with the same seed. Templates take turns in an order fixed by the
/// seed, so every template appears once in each run of `ArithmeticTemplate.allCases.count` problems.
///
/// Gold answers are written as `ArithmeticAnswerForm` says: integers (`42`), fractions in lowest
/// terms (`5/12`) and terminating decimals (`2.5`). Each worked solution ends with
/// `The answer is \boxed{GOLD}.`, the gold text exactly as stored (so `\boxed{5/12}`, not `\frac`).
public struct ArithmeticProblemGenerator: Sendable {
    /// The `source` of every generated problem.
    public static let source = "arithmetic"

    /// The seed every problem is drawn from.
    public let seed: UInt64

    /// Creates a generator for `seed`.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The templates in the order problems take them, fixed by the seed.
    public var templateOrder: [ArithmeticTemplate] {
        var random = SplitMix64(seed: seed)
        return random.shuffled(ArithmeticTemplate.allCases)
    }

    /// Problem `index` (from 0), with the numbers it was built from.
    public func problem(at index: Int) -> GeneratedArithmeticProblem {
        problem(at: index, order: templateOrder)
    }

    /// Problems `0..<count`.
    public func problems(count: Int) -> [GeneratedArithmeticProblem] {
        let order = templateOrder
        return (0..<max(0, count)).map { problem(at: $0, order: order) }
    }

    /// A dataset of `count` problems with ids `arith-<seed>-<index>`.
    public func dataset(count: Int, name: String = "arithmetic") -> Dataset {
        Dataset(name: name, uniqueProblems: problems(count: count).map(\.problem))
    }

    private func problem(at index: Int, order: [ArithmeticTemplate]) -> GeneratedArithmeticProblem {
        precondition(index >= 0, "problem indices start at 0")
        let template = order[index % order.count]
        var random = SplitMix64(seed: seed, stream: UInt64(index))
        let draft = template.draft(using: &random)
        let gold = template.answerForm.text(for: draft.answer)
        let problem = Problem(
            id: "arith-\(seed)-\(index)",
            question: draft.question,
            goldAnswer: gold,
            goldSolution: draft.steps + " The answer is \\boxed{\(gold)}.",
            source: Self.source,
            metadata: ["template": template.rawValue, "answerForm": template.answerForm.rawValue]
        )
        return GeneratedArithmeticProblem(
            problem: problem,
            template: template,
            answerForm: template.answerForm,
            quantities: draft.quantities
        )
    }
}
