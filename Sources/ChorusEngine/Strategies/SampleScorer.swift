import Foundation

/// Rates every sample, with an LLM judge or a reward model.
///
/// A judge reads the problem and one solution and gives a score from 0 to 10 in
/// `<score>…</score>`; the sample's `score` becomes that score / 10. A reward model (served for
/// pooling, as vLLM's `/pooling`) is shown the conversation the sample answered (the standard
/// prompt, then the sample as the assistant's turn) and its reward becomes the score as it is.
///
/// Ratings go through a `Sampler` (one prompt per sample), so they are stored as they arrive and a
/// rerun reads them back. A judgement with no readable score leaves the sample unscored and is
/// counted.
public struct SampleScorer: Sendable {
    /// Who rates.
    public enum Rater: Sendable, Equatable {
        /// An LLM judge with a prompt holding `{question}` and `{solution}`.
        case judge(prompt: String)
        /// A reward model: the conversation in, a number out.
        case rewardModel
    }

    /// The judge's prompt, with `{question}` and `{solution}`.
    public static let defaultPrompt = """
        Problem: {question}

        Proposed solution:
        {solution}

        How likely is the proposed solution's final answer to be correct? Check the reasoning, then \
        give a score from 0 (certainly wrong) to 10 (certainly correct) as <score>N</score>.
        """

    /// The judge.
    public let client: any ModelClient
    /// Where judgements are kept.
    public let store: any SampleStore
    /// Who rates.
    public let rater: Rater
    /// How the judge samples (one judgement per sample: `n` is ignored).
    public let parameters: SamplingParameters
    /// The clock that times the run.
    public let clock: any EngineClock

    /// Creates a scorer.
    public init(
        client: any ModelClient, store: any SampleStore, rater: Rater = .judge(prompt: SampleScorer.defaultPrompt),
        parameters: SamplingParameters, clock: any EngineClock = SystemClock()
    ) {
        self.client = client
        self.store = store
        self.rater = rater
        var parameters = parameters
        parameters.n = 1
        switch rater {
        case .judge(let prompt): parameters.template = "judge@" + SHA256.hex(of: prompt).prefix(12)
        case .rewardModel:
            // A reward is not sampled: only the conversation decides it.
            parameters = SamplingParameters(n: 1, temperature: 0, maxTokens: 1, rewardModel: true)
        }
        self.parameters = parameters
        self.clock = clock
    }

    /// The score in a judgement: the last `<score>N</score>`, N from 0 to 10, scaled to 0…1.
    public static func score(in judgement: String) -> Double? {
        guard let open = judgement.range(of: "<score>", options: .backwards),
            let close = judgement.range(of: "</score>", range: open.upperBound..<judgement.endIndex),
            let value = Double(
                judgement[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)),
            value >= 0, value <= 10
        else { return nil }
        return value / 10
    }

    /// Scores every sample of `input` (the first `k` of each problem when given).
    public func score(
        _ input: SampleSet, k: Int? = nil, progress: @escaping @Sendable (SamplingProgress) -> Void = { _ in }
    ) async throws -> SamplingOutcome {
        let started = clock.now()
        var entries = input.entries
        var unreadable = 0
        var judged = PromptRounds(
            sampler: Sampler(client: client, store: store, clock: clock), parameters: parameters, name: input.name)
        let rounds = entries.map { min(k ?? $0.samples.count, $0.samples.count) }.max() ?? 0
        for index in 0..<rounds {
            let present = entries.indices.filter {
                index < min(k ?? entries[$0].samples.count, entries[$0].samples.count)
            }
            let prompts = present.map { problemIndex in
                messages(for: entries[problemIndex].problem, solution: entries[problemIndex].samples[index].text)
            }
            let answers = try await judged.run(
                present.map { entries[$0].problem }, prompts: prompts, progress: progress)
            for (offset, problemIndex) in present.enumerated() {
                guard let judgement = answers[offset].samples.first else { continue }
                if let score = rater == .rewardModel ? judgement.score : Self.score(in: judgement.text) {
                    entries[problemIndex].samples[index].score = score
                } else {
                    unreadable += 1
                }
            }
        }
        var spent = judged.spent
        spent.wallSeconds = clock.now() - started
        let scored = SampleSet(name: input.name, entries: entries, cost: input.cost + judged.recorded)
        return SamplingOutcome(
            samples: scored, reused: judged.reused, drawn: judged.drawn, spent: spent, unreadable: unreadable)
    }

    /// What the rater reads for one solution.
    func messages(for problem: Problem, solution: String) -> [ChatMessage] {
        switch rater {
        case .judge(let prompt):
            // The question first: a solution that writes `{question}` is left as it is.
            let content = prompt.replacingOccurrences(of: "{question}", with: problem.question)
                .replacingOccurrences(of: "{solution}", with: solution)
            return [ChatMessage(role: "user", content: content)]
        case .rewardModel:
            return PromptTemplate.standard.messages(for: problem) + [ChatMessage(role: "assistant", content: solution)]
        }
    }
}
