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
            percent with a 95% percentile-bootstrap interval over problems. Two \
            rows with the same label (`maj@4` of two sample sets) are told apart \
            by the variable each item was written as (`maj@4 [v]`), else by its \
            place (`maj@4 [#2]`).
            """,
        examples: ["compare s (vote s k: 3) (vote s k: 1)", "v = vote s k: 2\nw = vote s k: 2\ncompare v w"])

    func run(_ invocation: Invocation) async throws -> Value {
        let items = invocation[Self.items]
        guard !items.isEmpty else {
            throw invocation.error(
                "`compare` needs at least one strategy result or sample set", hint: "compare s (vote s)")
        }
        // Each item's tag, should two rows share a label: the variable it was written as, else its place.
        let tags = items.indices.map { invocation.itemNames.indices.contains($0) ? invocation.itemNames[$0] : nil }
            .enumerated().map { $1 ?? "#\($0 + 1)" }
        let strategies = zip(items, tags).compactMap {
            if case .first(let result) = $0 { (result.result, $1) } else { nil }
        }
        let sets = zip(items, tags).compactMap { if case .second(let set) = $0 { (set, $1) } else { nil } }
        let explicitK = invocation[Self.k]
        let k = explicitK ?? strategies.compactMap(\.0.k).max()
        var generator = SplitMix64(seed: UInt64(bitPattern: Int64(invocation[Self.seed])))
        var comparison = Comparison()
        try invocation.mapping(at: Self.items) {
            for (set, tag) in sets {
                // Unless k is given, a set with fewer samples (one aggregated answer per problem, say)
                // shows the rows its samples allow.
                let available = set.samples.minimumSamplesPerProblem
                let setK = explicitK ?? min(k ?? available, available)
                try comparison.add(set.graded, ks: setK > 1 ? [setK] : [], tag: tag, using: &generator)
            }
            for (strategy, tag) in strategies { try comparison.add(strategy, tag: tag, using: &generator) }
        }
        return .object(TableValue(comparison.table))
    }
}
