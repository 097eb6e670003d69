import ChorusEngine

/// `vote`: majority vote over equivalent answers.
struct VoteCommand: Command {
    static let samples = ParameterKey<SampleSetValue>.positional("samples", "the sample set to vote over")
    static let count = CandidateCount("vote over the first k samples of each problem (all when left out)")
    static let weight = ParameterKey<VoteWeighting>.named(
        "weight", "what a vote counts: one per sample, exp(mean log-probability), or the scorer's score",
        default: .count)
    static let name = ParameterKey<String?>.named("name", "the label in tables (default maj@k)")

    let signature = CommandSignature(
        name: "vote", group: .strategies, summary: "Majority vote over equivalent answers (maj@k).",
        parameters: [Self.samples, Self.count, Self.weight, Self.name],
        discussion: """
            Groups each problem's answers into classes of equivalent answers \
            (1/2, 0.5 and \\frac{1}{2} are one class) and picks the class with the \
            most votes. Ties go to the class with more samples, then to the one \
            that appeared first. Unparseable answers do not vote; a problem with \
            no parseable answer among its first k samples gets no answer. A `k` \
            larger than the samples some problem has is refused; `clamp: true` \
            votes over the fewest a problem has instead, and the label says so. \
            Returns a strategy result for `compare`, labelled `maj@k`.
            """,
        examples: [
            "data = builtin \"arithmetic\" count: 2 seed: 1\ns = responses data [['\\boxed{1}', '\\boxed{2}', '\\boxed{2}'], [\"5\", \"5\", \"6\"]]\nvote s k: 3",
            "vote s weight: logprob", "vote s k: 8 clamp: true",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        let set = invocation[Self.samples]
        let k = try Self.count.value(invocation, for: set, command: "vote")
        let weighting = invocation[Self.weight]
        let prefix = weighting == .count ? "maj" : "w-maj"
        let name = invocation[Self.name] ?? "\(prefix)@\(k.map(String.init) ?? "all")"
        let vote = MajorityVote(k: k, weighting: weighting)
        let result = try invocation.mapping(at: Self.weight) { try vote.run(on: set.graded, name: name) }
        let unweighted = vote.unweightedCount(in: set.graded)
        if unweighted > 0 {
            invocation.warn("\(Plural.count(unweighted, "sample")) without a score passed over", at: Self.samples)
        }
        return .object(StrategyResultValue(result))
    }
}

extension VoteWeighting: ParameterChoice {}
