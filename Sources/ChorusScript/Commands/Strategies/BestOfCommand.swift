import ChorusEngine

/// `best_of`: each problem's highest-scored sample.
struct BestOfCommand: Command {
    static let samples = ParameterKey<SampleSetValue>.positional("samples", "scored samples (from `score`)")
    static let count = CandidateCount("choose among the first k samples of each problem (all when left out)")
    static let name = ParameterKey<String?>.named("name", "the label in tables (default best@k)")

    let signature = CommandSignature(
        name: "best_of", group: .strategies, summary: "Picks each problem's highest-scored sample (best-of-N).",
        parameters: [Self.samples, Self.count, Self.name],
        discussion: """
            Best-of-N with a scorer: among each problem's first k samples, the \
            answer of the one with the highest score (ties to the earlier \
            sample; unparseable answers, and samples whose judgement gave no \
            readable score, are passed over and counted). Scores come from \
            `score` (an LLM judge) or from imported samples that carry one. For \
            the weighted vote that sums scores per equivalent answer, use \
            `vote s weight: score`. A `k` larger than the samples some problem has \
            is refused unless `clamp: true`. Returns a strategy result for \
            `compare`, labelled `best@k`.
            """,
        examples: ["b = best_of scored k: 4", "compare (best_of scored k: 4) (vote scored k: 4 weight: score)"])

    func run(_ invocation: Invocation) async throws -> Value {
        let set = invocation[Self.samples]
        let k = try Self.count.value(invocation, for: set, command: "best_of")
        let name = invocation[Self.name] ?? "best@\(k.map(String.init) ?? "all")"
        let strategy = BestOf(k: k)
        let result = try invocation.mapping(at: Self.samples) { try strategy.run(on: set.graded, name: name) }
        let unscored = strategy.unscoredCount(in: set.graded)
        if unscored > 0 {
            invocation.warn("\(Plural.count(unscored, "sample")) without a score passed over", at: Self.samples)
        }
        return .object(StrategyResultValue(result))
    }
}
