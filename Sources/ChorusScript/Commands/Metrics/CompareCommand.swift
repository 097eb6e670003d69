import ChorusEngine

/// `compare`: strategies and sample sets side by side over the same problems.
struct CompareCommand: Command {
    static let items = ParameterKey<[EitherObject<StrategyResultValue, SampleSetValue>]>.variadic(
        "items", "strategy results (from vote, …) and sample sets")
    static let k = ParameterKey<Int?>.named(
        "k", "k for the maj@k, pass@k and oracle@k rows of sample sets", in: .atLeast(1))
    static let seed = ParameterKey<Int>.named("seed", "seed of the bootstrap intervals", default: 0)

    let signature = CommandSignature(
        name: "compare", group: .metrics,
        summary: "Compares strategies and sample sets in one table with 95% intervals.",
        parameters: [Self.items, Self.k, Self.seed],
        discussion: """
            Every item must cover the same problems in the same order. A strategy \
            result gives one row, its accuracy; a sample set gives pass@1 and \
            maj@k, pass@k and oracle@k, where k is `k:`, else the largest k the \
            strategies used, else the samples per problem. Accuracies are in \
            percent with a 95% percentile-bootstrap interval over problems.
            """,
        examples: ["compare s (vote s k: 3) (vote s k: 1)"])

    func run(_ invocation: Invocation) async throws -> Value {
        let items = invocation[Self.items]
        guard !items.isEmpty else {
            throw invocation.error(
                "`compare` needs at least one strategy result or sample set", hint: "compare s (vote s)")
        }
        let strategies = items.compactMap { if case .first(let result) = $0 { result.result } else { nil } }
        let sets = items.compactMap { if case .second(let set) = $0 { set } else { nil } }
        let explicitK = invocation[Self.k]
        let k = explicitK ?? strategies.compactMap(\.k).max()
        var generator = SplitMix64(seed: UInt64(bitPattern: Int64(invocation[Self.seed])))
        var comparison = Comparison()
        try invocation.mapping(at: Self.items) {
            for set in sets {
                // Unless k is given, a set with fewer samples (one aggregated answer per problem, say)
                // shows the rows its samples allow.
                let available = set.samples.minimumSamplesPerProblem
                let setK = explicitK ?? min(k ?? available, available)
                try comparison.add(set.graded, ks: setK > 1 ? [setK] : [], using: &generator)
            }
            for strategy in strategies { try comparison.add(strategy, using: &generator) }
        }
        return .object(TableValue(comparison.table))
    }
}
