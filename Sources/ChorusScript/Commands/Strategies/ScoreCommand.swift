import ChorusEngine
import Foundation

/// `score`: an LLM judge rates every sample, for `best_of` and `vote weight: score`.
struct ScoreCommand: Command {
    let signature = CommandSignature(
        name: "score", group: .strategies, summary: "Has a judge model rate every sample from 0 to 10 (for best_of).",
        parameters: [
            .positional("samples", .object("sample set"), "the samples to rate"),
            .named("with", .object("model"), "the judge (from `model`)"),
            .named("k", .int, "rate only the first k samples of each problem", default: Value.none),
            .named("prompt", .string, "the judge's prompt, with {question} and {solution}; or a file holding it", default: Value.none),
            .named("temperature", .number, "the judge's temperature", default: .double(0)),
            .named("max_tokens", .int, "most tokens per judgement", default: .int(512)),
            .named("seed", .int, "the judge's seed", default: .int(1)),
            .named("tolerance", .number, "relative tolerance for inexact numbers when grading", default: .double(1e-6)),
        ],
        discussion: """
            The judge reads the problem and one solution and answers with \
            <score>N</score>, N from 0 to 10; the sample's score becomes N/10. \
            Judgements are stored like samples, so a rerun costs nothing. A \
            judgement with no readable score leaves its sample unscored (and is \
            counted). Returns the sample set with scores: `best_of` picks the \
            highest-scored sample, `vote weight: score` sums scores per answer.
            """,
        examples: ["scored = score s with: judge k: 4", "scored = score s with: judge prompt: \"judge-prompt.txt\""])

    func run(_ invocation: Invocation) async throws -> Value {
        guard let input = invocation.object("samples", as: SampleSetValue.self) else {
            throw invocation.error("`samples` must be a sample set", at: "samples")
        }
        guard let judge = invocation.object("with", as: ModelValue.self) else {
            throw invocation.error("`with` must be a model", at: "with")
        }
        let k = invocation.optionalInt("k")
        if let k, k < 1 { throw invocation.error("`k` must be at least 1, not \(k)", at: "k") }
        var prompt = JudgeScorer.defaultPrompt
        if invocation.isGiven("prompt") {
            let given = invocation.string("prompt")
            prompt = FileManager.default.contents(atPath: given).map { String(decoding: $0, as: UTF8.self) } ?? given
            for placeholder in ["{question}", "{solution}"] where !prompt.contains(placeholder) {
                throw invocation.error("the judge's prompt has no \(placeholder) placeholder", at: "prompt")
            }
        }
        let maxTokens = invocation.int("max_tokens")
        guard maxTokens >= 1 else { throw invocation.error("`max_tokens` must be at least 1", at: "max_tokens") }
        let store = try await StoredModelRun.store(invocation)
        let scorer = JudgeScorer(
            client: judge.client, store: store, prompt: prompt,
            parameters: SamplingParameters(
                n: 1, temperature: invocation.double("temperature"), maxTokens: maxTokens, seed: invocation.int("seed")),
            clock: invocation.session.clock)
        let outcome = try await StoredModelRun.perform("score", results: "judgements", invocation: invocation, at: "with") {
            try await scorer.score(input.samples, k: k, progress: $0)
        }
        var note = StoredModelRun.summary(
            "score", reused: outcome.reused, drawn: outcome.drawn, spent: outcome.spent, identity: judge.client.identity)
        if outcome.unreadable > 0 { note += "; \(Plural.count(outcome.unreadable, "judgement")) with no readable score" }
        invocation.session.output.writeError(note + "\n")
        let grader = try GradingOptions.grader(invocation)
        return .object(SampleSetValue(samples: outcome.samples, graded: try AnswerClassifier(grader: grader).grade(outcome.samples)))
    }
}
