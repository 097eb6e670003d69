import ChorusEngine

/// `metrics`: pass@1, maj@k, pass@k and oracle@k of a sample set, with 95% intervals.
struct MetricsCommand: Command {
    static let samples = ParameterKey<SampleSetValue>.positional("samples", "the sample set")
    static let ks = ParameterKey<[Int]?>.named("ks", "the k values (default: 1 and the samples per problem)")
    static let seed = ParameterKey<Int>.named("seed", "seed of the bootstrap intervals", default: 0)

    let signature = CommandSignature(
        name: "metrics", group: .metrics, summary: "pass@1, maj@k, pass@k and oracle@k with 95% intervals.",
        parameters: [Self.samples, Self.ks, Self.seed],
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
        let set = invocation[Self.samples]
        let available = set.samples.minimumSamplesPerProblem
        let ks = invocation[Self.ks] ?? (available > 1 ? [available] : [])
        var generator = SplitMix64(seed: UInt64(bitPattern: Int64(invocation[Self.seed])))
        var comparison = Comparison()
        try invocation.mapping(at: Self.ks) {
            try comparison.add(set.graded, ks: ks, labelsWithName: false, using: &generator)
        }
        return .object(TableValue(comparison.table))
    }
}
