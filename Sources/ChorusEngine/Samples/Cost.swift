/// What a stage cost: model calls, tokens, the model's time, and wall time. Costs of stages add up.
public struct Cost: Sendable, Equatable, Codable {
    /// Requests made to a model.
    public var calls: Int
    /// Prompt tokens sent.
    public var promptTokens: Int
    /// Completion tokens received.
    public var completionTokens: Int
    /// Wall-clock seconds spent.
    public var wallSeconds: Double
    /// Seconds the model took to answer, summed over responses (their recorded latencies): request-
    /// seconds, the same on every rerun; requests that ran in parallel overlap, so the wall clock was shorter.
    public var modelSeconds: Double

    /// Creates a cost.
    public init(
        calls: Int = 0, promptTokens: Int = 0, completionTokens: Int = 0, wallSeconds: Double = 0, modelSeconds: Double = 0
    ) {
        self.calls = calls
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.wallSeconds = wallSeconds
        self.modelSeconds = modelSeconds
    }

    /// Nothing spent.
    public static let zero = Cost()

    /// The cost of two stages together.
    public static func + (lhs: Cost, rhs: Cost) -> Cost {
        Cost(
            calls: lhs.calls + rhs.calls, promptTokens: lhs.promptTokens + rhs.promptTokens,
            completionTokens: lhs.completionTokens + rhs.completionTokens, wallSeconds: lhs.wallSeconds + rhs.wallSeconds,
            modelSeconds: lhs.modelSeconds + rhs.modelSeconds)
    }

    /// All tokens, prompt and completion.
    public var totalTokens: Int { promptTokens + completionTokens }
}

extension Cost {
    /// What producing `samples` cost, as recorded with them, so a set read back from the store costs
    /// what it cost when it was drawn.
    ///
    /// Each response's prompt is billed to its first sample, and the others of an n > 1 response carry
    /// 0 prompt tokens: a sample with 0 prompt tokens belongs to the response before it and adds no
    /// call, and one with no usage at all (a replayed or hand-written sample) adds none either.
    /// `wallSeconds` is 0: wall time belongs to a run (requests overlap, and a rerun reads the
    /// store), not to the samples; `sample` reports each run's own. `modelSeconds` sums each
    /// response's recorded latency once (on its first sample, like the prompt's tokens).
    public init(recordedBy samples: some Sequence<Sample>) {
        self.init()
        for sample in samples {
            promptTokens += sample.promptTokens ?? 0
            completionTokens += sample.completionTokens ?? 0
            if let prompt = sample.promptTokens, prompt > 0 {
                calls += 1
                modelSeconds += sample.latency ?? 0
            }
        }
    }
}
