import ChorusEngine

/// `compare`: strategies and sample sets side by side over the same problems.
struct CompareCommand: Command {
    let signature = CommandSignature(
        name: "compare", group: .metrics, summary: "Compares strategies and sample sets in one table with 95% intervals.",
        parameters: [
            .variadic("items", .any, "strategy results (from vote, …) and sample sets"),
            .named("k", .int, "k for the maj@k, pass@k and oracle@k rows of sample sets", default: Value.none),
            .named("seed", .int, "seed of the bootstrap intervals", default: .int(0)),
        ],
        discussion: """
            Every item must cover the same problems in the same order. A strategy \
            result gives one row, its accuracy; a sample set gives pass@1 and \
            maj@k, pass@k and oracle@k, where k is `k:`, else the largest k the \
            strategies used, else the samples per problem. Accuracies are in \
            percent with a 95% percentile-bootstrap interval over problems.
            """,
        examples: ["compare s (vote s k: 3) (vote s k: 1)"])

    func run(_ invocation: Invocation) async throws -> Value {
        let items = invocation.list("items")
        guard !items.isEmpty else {
            throw invocation.error("`compare` needs at least one strategy result or sample set", hint: "compare s (vote s)")
        }
        var strategies: [StrategyResult] = []
        var sets: [SampleSetValue] = []
        for item in items {
            if case .object(let object) = item, let result = object as? StrategyResultValue {
                strategies.append(result.result)
            } else if case .object(let object) = item, let set = object as? SampleSetValue {
                sets.append(set)
            } else {
                throw invocation.error(
                    "`compare` takes strategy results and sample sets, not \(item.typeName)", at: "items")
            }
        }
        if let given = invocation.optionalInt("k"), given < 1 {
            throw invocation.error("`k` must be at least 1, not \(given)", at: "k")
        }
        let explicitK = invocation.optionalInt("k")
        let k = explicitK ?? strategies.compactMap(\.k).max()
        var generator = SplitMix64(seed: UInt64(bitPattern: Int64(invocation.int("seed"))))
        var comparison = Comparison()
        do {
            for set in sets {
                // Unless k is given, a set with fewer samples (one aggregated answer per problem, say)
                // shows the rows its samples allow.
                let available = set.samples.minimumSamplesPerProblem
                let setK = explicitK ?? min(k ?? available, available)
                try comparison.add(set.graded, ks: setK > 1 ? [setK] : [], using: &generator)
            }
            for strategy in strategies { try comparison.add(strategy, using: &generator) }
        } catch let failure as Comparison.Failure {
            throw ComparisonErrors.diagnostic(failure, invocation: invocation, argument: "items")
        }
        return .object(TableValue(comparison.table))
    }
}

/// Turns comparison failures into diagnostics with a way forward.
enum ComparisonErrors {
    static func diagnostic(_ failure: Comparison.Failure, invocation: Invocation, argument: String) -> Diagnostic {
        switch failure {
        case .differentProblems(let first, let other):
            invocation.error(
                "\(other) does not cover the same problems as \(first)", at: argument,
                hint: "compare results made from the same dataset, in the same order")
        case .kTooLarge(let k, let available, let set):
            invocation.error(
                "k = \(k) is more than the \(available) samples per problem of \(set)", at: argument,
                hint: "use k: \(available) or less")
        case .kBelowOne(let k):
            invocation.error("k must be at least 1, not \(k)", at: argument)
        case .empty:
            invocation.error("there are no problems to compare", at: argument)
        }
    }
}
