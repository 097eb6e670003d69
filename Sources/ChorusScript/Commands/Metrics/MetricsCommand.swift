import ChorusEngine

/// `metrics`: pass@1, maj@k, pass@k and oracle@k of a sample set, with 95% intervals.
struct MetricsCommand: Command {
    let signature = CommandSignature(
        name: "metrics", group: .metrics, summary: "pass@1, maj@k, pass@k and oracle@k with 95% intervals.",
        parameters: [
            .positional("samples", .object("sample set"), "the sample set"),
            .named("ks", .list(.int), "the k values (default: 1 and the samples per problem)", default: Value.none),
            .named("seed", .int, "seed of the bootstrap intervals", default: .int(0)),
        ],
        discussion: """
            pass@1: fraction of correct samples. maj@k: exact expectation, over \
            all k-subsets of each problem's samples, that the majority class is \
            correct (ties split evenly). pass@k: unbiased estimate that a k-subset \
            holds a correct sample (Chen et al. 2021). oracle@k: any of the first \
            k samples correct. Intervals: percentile bootstrap over problems, \
            1000 resamples, seeded.
            """,
        examples: ["metrics s ks: [1, 2, 4]"])

    func run(_ invocation: Invocation) async throws -> Value {
        guard let set = invocation.object("samples", as: SampleSetValue.self) else {
            throw invocation.error("`samples` must be a sample set", at: "samples")
        }
        let available = set.samples.minimumSamplesPerProblem
        let ks: [Int]
        if invocation.isGiven("ks") {
            ks = invocation.list("ks").compactMap { if case .int(let k) = $0 { k } else { nil } }
        } else {
            ks = available > 1 ? [available] : []
        }
        var generator = SplitMix64(seed: UInt64(bitPattern: Int64(invocation.int("seed"))))
        var comparison = Comparison()
        do {
            try comparison.add(set.graded, ks: ks, labelsWithName: false, using: &generator)
        } catch let failure as Comparison.Failure {
            throw ComparisonErrors.diagnostic(failure, invocation: invocation, argument: "ks")
        }
        return .object(TableValue(comparison.table))
    }
}
