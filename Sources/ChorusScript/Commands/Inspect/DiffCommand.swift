import ChorusEngine

/// `diff`: the problems where two strategies disagree, with each side's answer and who was right.
struct DiffCommand: Command {
    typealias Side = EitherObject<StrategyResultValue, SampleSetValue>

    static let first = ParameterKey<Side>.positional("first", "a strategy result (or a sample set: its vote)")
    static let second = ParameterKey<Side>.positional("second", "the strategy result to set against it")

    let signature = CommandSignature(
        name: "diff", group: .metrics, summary: "The problems where two strategies disagree, and who was right.",
        parameters: [Self.first, Self.second],
        discussion: """
            Sets two results over the same problems side by side (a vote and an \
            aggregation, a vote and a refinement, one strategy under two grading \
            settings) and keeps the problems where they differ in correctness or \
            in the answer itself (equivalent answers, 0.5 and 1/2, agree). Each \
            row shows the gold, each side's answer, and who was right: a side's \
            name, both, or neither. The line under the table counts the problems \
            each got right where the other was wrong. A sample set stands for \
            its majority vote over all its samples, so an aggregation's or a \
            refinement's answers (one sample per problem) can be given as they \
            are. Returns a table.
            """,
        examples: [
            "data = builtin \"arithmetic\" count: 2 seed: 1\ns = responses data [['\\boxed{1}', '\\boxed{2}', '\\boxed{2}'], [\"5\", \"5\", \"6\"]]\ndiff (vote s k: 1) (vote s k: 3)",
            "diff v usc",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        let first = try Self.result(invocation[Self.first], invocation, at: Self.first)
        let second = try Self.result(invocation[Self.second], invocation, at: Self.second)
        let diff = try invocation.mapping(at: Self.second) { try StrategyDiff(first, second) }
        return .object(TableValue(diff.table))
    }

    /// A side as a strategy result: a sample set's majority vote over all its samples.
    private static func result(
        _ side: Side, _ invocation: Invocation, at key: ParameterKey<Side>
    ) throws
        -> StrategyResult
    {
        switch side {
        case .first(let strategy): return strategy.result
        case .second(let set):
            return try invocation.mapping(at: key) { try MajorityVote().run(on: set.graded, name: set.samples.name) }
        }
    }
}
