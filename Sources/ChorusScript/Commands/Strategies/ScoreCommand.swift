import ChorusEngine
import Foundation

/// `score`: an LLM judge or a reward model rates every sample, for `best_of` and `vote weight: score`.
struct ScoreCommand: Command {
    let signature = CommandSignature(
        name: "score", group: .strategies, summary: "Has a judge model or a reward model rate every sample (for best_of).",
        parameters: [
            .positional("samples", .object("sample set"), "the samples to rate"),
            .named("with", .object("model"), "the judge or reward model (from `model`)"),
            .named("by", .choice(["judge", "reward_model"]), "a judge that writes <score>N</score>, or a reward model served for pooling", default: .string("judge")),
            .named("k", .int, "rate only the first k samples of each problem", default: Value.none),
            .named("prompt", .string, "the judge's prompt, with {question} and {solution}; or a file holding it", default: Value.none),
            .named("temperature", .number, "the judge's temperature", default: .double(0)),
            .named("max_tokens", .int, "most tokens per judgement", default: .int(512)),
            .named("seed", .int, "the judge's seed", default: .int(1)),
            .named("tolerance", .number, "relative tolerance for inexact numbers when grading", default: .double(1e-6)),
            GradingOptions.truncatedParameter,
        ],
        discussion: """
            The judge reads the problem and one solution and answers with \
            <score>N</score>, N from 0 to 10; the sample's score becomes N/10. \
            Judgements are stored like samples, so a rerun costs nothing. A \
            judgement with no readable score leaves its sample unscored (and is \
            counted). With `by: reward_model`, the model is a reward model \
            served for pooling (vLLM's `/pooling`, beside `/v1`): it reads the \
            standard prompt with the sample as the assistant's answer, and its \
            reward (the last number it returns) is the score, unscaled. Returns \
            the sample set with scores: `best_of` picks the highest-scored \
            sample, `vote weight: score` sums scores per answer (with a reward \
            model whose rewards go below 0, prefer `best_of`).
            """,
        examples: [
            "scored = score s with: judge k: 4", "scored = score s with: judge prompt: \"judge-prompt.txt\"",
            "rm = model \"openai:http://localhost:8001/v1/Skywork-Reward\"\nscored = score s with: rm by: reward_model",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        guard let input = invocation.object("samples", as: SampleSetValue.self) else {
            throw invocation.error("`samples` must be a sample set", at: "samples")
        }
        guard let judge = invocation.object("with", as: ModelValue.self) else {
            throw invocation.error("`with` must be a model", at: "with")
        }
        let k = invocation.optionalInt("k")
        if let k, k < 1 { throw invocation.error("`k` must be at least 1, not \(k)", at: "k") }
        let byRewardModel = invocation.string("by") == "reward_model"
        if byRewardModel {
            for parameter in ["prompt", "temperature", "max_tokens", "seed"] where invocation.isGiven(parameter) {
                throw invocation.error("`\(parameter)` is for a judge; a reward model only reads the conversation", at: parameter)
            }
        }
        var prompt = SampleScorer.defaultPrompt
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
        let scorer = SampleScorer(
            client: judge.client, store: store, rater: byRewardModel ? .rewardModel : .judge(prompt: prompt),
            parameters: SamplingParameters(
                n: 1, temperature: invocation.double("temperature"), maxTokens: maxTokens, seed: invocation.int("seed")),
            clock: invocation.session.clock)
        let outcome = try await StoredModelRun.perform(
            "score", results: byRewardModel ? "rewards" : "judgements", invocation: invocation, at: "with"
        ) {
            try await scorer.score(input.samples, k: k, progress: $0)
        }
        var note = StoredModelRun.summary(
            "score", reused: outcome.reused, drawn: outcome.drawn, spent: outcome.spent, identity: judge.client.identity)
        if outcome.unreadable > 0 {
            note += "; \(Plural.count(outcome.unreadable, byRewardModel ? "answer" : "judgement")) with no readable score"
        }
        invocation.session.output.writeError(note + "\n")
        let grader = try GradingOptions.grader(invocation)
        return .object(SampleSetValue(samples: outcome.samples, graded: try AnswerClassifier(grader: grader, truncation: GradingOptions.truncation(invocation)).grade(outcome.samples)))
    }
}
