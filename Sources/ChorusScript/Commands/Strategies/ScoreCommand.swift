import ChorusEngine
import Foundation

/// `score`: an LLM judge or a reward model rates every sample, for `best_of` and `vote weight: score`.
struct ScoreCommand: Command {
    static let samples = ParameterKey<SampleSetValue>.positional("samples", "the samples to rate")
    static let with = ParameterKey<ModelValue>.named("with", "the judge or reward model (from `model`)")
    static let by = ParameterKey<Rater>.named(
        "by", "a judge that writes <score>N</score>, or a reward model served for pooling", default: .judge)
    static let count = CandidateCount("rate only the first k samples of each problem")
    static let prompt = ParameterKey<String?>.named(
        "prompt", "the judge's prompt, with {question} and {solution}; or a file holding it")
    static let sampling = SamplingOptions(
        temperature: 0, maxTokens: 512, temperatureSummary: "the judge's temperature", subject: "judgement")
    static let seed = ParameterKey<Int>.named("seed", "the judge's seed", default: 1)

    let signature = CommandSignature(
        name: "score", group: .strategies,
        summary: "Has a judge model or a reward model rate every sample (for best_of).",
        parameters: [
            Self.samples, Self.with, Self.by, Self.count, Self.prompt, Self.sampling, Self.seed, GradingOptions.group,
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
        let input = invocation[Self.samples]
        let judge = invocation[Self.with]
        let byRewardModel = invocation[Self.by] == .rewardModel
        if byRewardModel {
            let judgeOnly: [any ParameterNaming] = [
                Self.prompt, Self.sampling.temperature, Self.sampling.maxTokens, Self.seed,
            ]
            if let parameter = judgeOnly.first(where: { invocation.isGiven($0) }) {
                throw invocation.error(
                    "`\(parameter.name)` is for a judge; a reward model only reads the conversation", at: parameter)
            }
        }
        var prompt = SampleScorer.defaultPrompt
        if let given = invocation[Self.prompt] {
            prompt = FileManager.default.contents(atPath: given).map { String(decoding: $0, as: UTF8.self) } ?? given
            for placeholder in ["{question}", "{solution}"] where !prompt.contains(placeholder) {
                throw invocation.error("the judge's prompt has no \(placeholder) placeholder", at: Self.prompt)
            }
        }
        let k = try Self.count.value(invocation, for: input, command: "score")
        let store = try await StoredModelRun.store(invocation)
        let scorer = SampleScorer(
            client: judge.client, store: store, rater: byRewardModel ? .rewardModel : .judge(prompt: prompt),
            parameters: SamplingParameters(
                n: 1, temperature: invocation[Self.sampling.temperature],
                maxTokens: invocation[Self.sampling.maxTokens],
                seed: invocation[Self.seed]),
            clock: invocation.session.clock)
        let outcome = try await StoredModelRun.perform(
            "score", results: byRewardModel ? "rewards" : "judgements", invocation: invocation, at: Self.with
        ) {
            try await scorer.score(input.samples, k: k, progress: $0)
        }
        var note = StoredModelRun.summary(
            "score", reused: outcome.reused, drawn: outcome.drawn, spent: outcome.spent, identity: judge.client.identity
        )
        if outcome.unreadable > 0 {
            note +=
                "; \(Plural.count(outcome.unreadable, byRewardModel ? "answer" : "judgement")) with no readable score"
        }
        invocation.session.output.writeError(note + "\n")
        let graded = try GradingOptions.classifier(invocation).grade(outcome.samples)
        return .object(SampleSetValue(samples: outcome.samples, graded: graded))
    }

    /// Who rates the samples.
    enum Rater: String, ParameterChoice {
        case judge
        case rewardModel = "reward_model"
    }
}
