import ChorusEngine

/// `best_of`: each problem's highest-scored sample.
struct BestOfCommand: Command {
    let signature = CommandSignature(
        name: "best_of", group: .strategies, summary: "Picks each problem's highest-scored sample (best-of-N).",
        parameters: [
            .positional("samples", .object("sample set"), "scored samples (from `score`)"),
            .named("k", .int, "choose among the first k samples of each problem (all when left out)", default: Value.none),
            .named("name", .string, "the label in tables (default best@k)", default: Value.none),
        ],
        discussion: """
            Best-of-N with a scorer: among each problem's first k samples, the \
            answer of the one with the highest score (ties to the earlier \
            sample; unparseable answers, and samples whose judgement gave no \
            readable score, are passed over and counted). Scores come from \
            `score` (an LLM judge) or from imported samples that carry one. For \
            the weighted vote that sums scores per equivalent answer, use \
            `vote s weight: score`. Returns a strategy result for `compare`.
            """,
        examples: ["b = best_of scored k: 4", "compare (best_of scored k: 4) (vote scored k: 4 weight: score)"])

    func run(_ invocation: Invocation) async throws -> Value {
        guard let set = invocation.object("samples", as: SampleSetValue.self) else {
            throw invocation.error("`samples` must be a sample set", at: "samples")
        }
        let k = try CandidateCount.optionalK(invocation, for: set, command: "best_of")
        let name = invocation.isGiven("name") ? invocation.string("name") : "best@\(k.map(String.init) ?? "all")"
        do {
            let strategy = BestOf(k: k)
            let result = try strategy.run(on: set.graded, name: name)
            let unscored = strategy.unscoredCount(in: set.graded)
            if unscored > 0 {
                invocation.session.output.writeError(
                    "best_of: \(Plural.count(unscored, "sample")) without a score passed over\n")
            }
            return .object(StrategyResultValue(result))
        } catch let failure as BestOf.Failure {
            throw invocation.error("\(failure)", at: "samples", hint: "rate the samples first: score s with: judge")
        }
    }
}
