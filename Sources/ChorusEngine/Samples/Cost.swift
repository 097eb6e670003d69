/// What a stage cost: model calls, tokens, and wall time. Costs of stages add up.
public struct Cost: Sendable, Equatable, Codable {
    /// Requests made to a model.
    public var calls: Int
    /// Prompt tokens sent.
    public var promptTokens: Int
    /// Completion tokens received.
    public var completionTokens: Int
    /// Wall-clock seconds spent.
    public var wallSeconds: Double

    /// Creates a cost.
    public init(calls: Int = 0, promptTokens: Int = 0, completionTokens: Int = 0, wallSeconds: Double = 0) {
        self.calls = calls
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.wallSeconds = wallSeconds
    }

    /// Nothing spent.
    public static let zero = Cost()

    /// The cost of two stages together.
    public static func + (lhs: Cost, rhs: Cost) -> Cost {
        Cost(
            calls: lhs.calls + rhs.calls, promptTokens: lhs.promptTokens + rhs.promptTokens,
            completionTokens: lhs.completionTokens + rhs.completionTokens, wallSeconds: lhs.wallSeconds + rhs.wallSeconds)
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
    /// store), not to the samples; `sample` reports each run's own.
    public init(recordedBy samples: some Sequence<Sample>) {
        self.init()
        for sample in samples {
            promptTokens += sample.promptTokens ?? 0
            completionTokens += sample.completionTokens ?? 0
            if let prompt = sample.promptTokens, prompt > 0 { calls += 1 }
        }
    }
}
