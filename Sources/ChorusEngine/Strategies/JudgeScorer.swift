import Foundation

/// Rates every sample with an LLM judge: the model reads the problem and one solution and gives a
/// score from 0 to 10 in `<score>…</score>`; the sample's `score` becomes that score / 10.
///
/// Judgements go through a `Sampler` (one prompt per sample), so they are stored as they arrive and
/// a rerun reads them back. A judgement with no readable score leaves the sample unscored and is
/// counted.
public struct JudgeScorer: Sendable {
    /// What a run produced.
    public struct Outcome: Sendable {
        /// The input samples with their scores; the cost includes the judge's.
        public let samples: SampleSet
        /// Judgements read from the store.
        public let reused: Int
        /// Judgements drawn in this run.
        public let drawn: Int
        /// What this run spent.
        public let spent: Cost
        /// Judgements with no readable score.
        public let unreadable: Int
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
    /// The judge's prompt.
    public let prompt: String
    /// How the judge samples (one judgement per sample: `n` is ignored).
    public let parameters: SamplingParameters
    /// The clock that times the run.
    public let clock: any EngineClock

    /// Creates a scorer.
    public init(
        client: any ModelClient, store: any SampleStore, prompt: String = JudgeScorer.defaultPrompt,
        parameters: SamplingParameters, clock: any EngineClock = SystemClock()
    ) {
        self.client = client
        self.store = store
        self.prompt = prompt
        var parameters = parameters
        parameters.n = 1
        parameters.template = "judge@" + SHA256.hex(of: prompt).prefix(12)
        self.parameters = parameters
        self.clock = clock
    }

    /// The score in a judgement: the last `<score>N</score>`, N from 0 to 10, scaled to 0…1.
    public static func score(in judgement: String) -> Double? {
        guard let open = judgement.range(of: "<score>", options: .backwards),
            let close = judgement.range(of: "</score>", range: open.upperBound..<judgement.endIndex),
            let value = Double(judgement[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)),
            value >= 0, value <= 10
        else { return nil }
        return value / 10
    }

    /// Scores every sample of `input` (the first `k` of each problem when given).
    public func score(
        _ input: SampleSet, k: Int? = nil, progress: @escaping @Sendable (SamplingProgress) -> Void = { _ in }
    ) async throws -> Outcome {
        let started = clock.now()
        var entries = input.entries
        var unreadable = 0
        var judgements: [Sample] = []
        var judged = PromptRounds(sampler: Sampler(client: client, store: store, clock: clock), parameters: parameters, name: input.name)
        let rounds = entries.map { min(k ?? $0.samples.count, $0.samples.count) }.max() ?? 0
        for index in 0..<rounds {
            let present = entries.indices.filter { index < min(k ?? entries[$0].samples.count, entries[$0].samples.count) }
            let prompts = present.map { problemIndex -> [PromptTemplate.Message] in
                // The question first: a solution that writes `{question}` is left as it is.
                let content = prompt.replacingOccurrences(of: "{question}", with: entries[problemIndex].problem.question)
                    .replacingOccurrences(of: "{solution}", with: entries[problemIndex].samples[index].text)
                return [PromptTemplate.Message(role: "user", content: content)]
            }
            let answers = try await judged.run(present.map { entries[$0].problem }, prompts: prompts, progress: progress)
            for (offset, problemIndex) in present.enumerated() {
                guard let judgement = answers[offset].first else { continue }
                judgements.append(judgement)
                if let score = Self.score(in: judgement.text) {
                    entries[problemIndex].samples[index].score = score
                } else {
                    unreadable += 1
                }
            }
        }
        var spent = judged.spent
        spent.wallSeconds = clock.now() - started
        let scored = SampleSet(name: input.name, entries: entries, cost: input.cost + Cost(recordedBy: judgements))
        return Outcome(samples: scored, reused: judged.reused, drawn: judged.drawn, spent: spent, unreadable: unreadable)
    }
}
