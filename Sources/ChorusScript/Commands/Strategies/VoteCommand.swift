import ChorusEngine

/// `vote`: majority vote over equivalent answers.
struct VoteCommand: Command {
    let signature = CommandSignature(
        name: "vote", group: .strategies, summary: "Majority vote over equivalent answers (maj@k).",
        parameters: [
            .positional("samples", .object("sample set"), "the sample set to vote over"),
            .named("k", .int, "vote over the first k samples of each problem (all when left out)", default: Value.none),
            .named(
                "weight", .choice(VoteWeighting.allCases.map(\.rawValue)),
                "what a vote counts: one per sample, exp(mean log-probability), or the scorer's score",
                default: .string("count")),
            .named("name", .string, "the label in tables (default maj@k)", default: Value.none),
        ],
        discussion: """
            Groups each problem's answers into classes of equivalent answers \
            (1/2, 0.5 and \\frac{1}{2} are one class) and picks the class with the \
            most votes. Ties go to the class with more samples, then to the one \
            that appeared first. Unparseable answers do not vote; a problem with \
            no parseable answer among its first k samples gets no answer. Returns \
            a strategy result for `compare`.
            """,
        examples: [
            "data = builtin \"arithmetic\" count: 2 seed: 1\ns = responses data [['\\boxed{1}', '\\boxed{2}', '\\boxed{2}'], [\"5\", \"5\", \"6\"]]\nvote s k: 3",
            "vote s weight: logprob",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        guard let set = invocation.object("samples", as: SampleSetValue.self) else {
            throw invocation.error("`samples` must be a sample set", at: "samples")
        }
        let k = try CandidateCount.optionalK(invocation, for: set, command: "vote")
        let weighting = VoteWeighting(rawValue: invocation.string("weight")) ?? .count
        let prefix = weighting == .count ? "maj" : "w-maj"
        let defaultName = "\(prefix)@\(k.map(String.init) ?? "all")"
        let name = invocation.isGiven("name") ? invocation.string("name") : defaultName
        do {
            let vote = MajorityVote(k: k, weighting: weighting)
            let result = try vote.run(on: set.graded, name: name)
            let unweighted = vote.unweightedCount(in: set.graded)
            if unweighted > 0 {
                invocation.session.output.writeError("vote: \(Plural.count(unweighted, "sample")) without a score passed over\n")
            }
            return .object(StrategyResultValue(result))
        } catch let failure as MajorityVote.Failure {
            switch failure {
            case .missingWeight(let problemID, let sampleIndex, let weighting):
                throw invocation.error(
                    weighting == .score
                        ? "no sample has a score" : "sample \(sampleIndex) of problem \(problemID) has no log-probability",
                    at: "weight",
                    hint: weighting == .score
                        ? "score the samples first, or vote with weight: count"
                        : "sample with log-probabilities, or vote with weight: count")
            }
        }
    }
}
