/// What a stage cost: model calls, tokens, and wall time. Costs of stages add up.
public struct Cost: Sendable, Equatable {
    /// Requests made to a model.
    public var calls = 0
    /// Prompt tokens sent.
    public var promptTokens = 0
    /// Completion tokens received.
    public var completionTokens = 0
    /// Wall-clock seconds spent.
    public var wallSeconds = 0.0

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
            completionTokens: lhs.completionTokens + rhs.completionTokens,
            wallSeconds: lhs.wallSeconds + rhs.wallSeconds)
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
    /// `wallSeconds` is 0 here: it needs when each response finished (`init(recordedBy:finishedAt:)`).
    public init(recordedBy samples: some Sequence<Sample>) {
        self.init()
        for sample in samples {
            promptTokens += sample.promptTokens ?? 0
            completionTokens += sample.completionTokens ?? 0
            if let prompt = sample.promptTokens, prompt > 0 { calls += 1 }
        }
    }

    /// What producing `samples` cost, with the wall time the model was busy with them: each response
    /// ran from its finish time (`finishedAt`, seconds since 1970, as the store keeps it) back by
    /// its latency, and the wall time is the length of the union of those intervals. Requests that
    /// overlapped count once, idle gaps (a run stopped and resumed) not at all, and a rerun from the
    /// store shows the same time. Samples without a latency or a finish time are left out of it.
    public init(recordedBy samples: [Sample], finishedAt: [Double?]) {
        self.init(recordedBy: samples)
        var intervals: [(start: Double, end: Double)] = []
        for (sample, end) in zip(samples, finishedAt) {
            guard let end, let latency = sample.latency, latency >= 0 else { continue }
            intervals.append((end - latency, end))
        }
        wallSeconds = Self.unionLength(intervals)
    }

    /// The total length covered by `intervals`.
    static func unionLength(_ intervals: [(start: Double, end: Double)]) -> Double {
        var total = 0.0
        var current: (start: Double, end: Double)?
        for interval in intervals.sorted(by: { $0.start < $1.start }) {
            if let open = current, interval.start <= open.end {
                current = (open.start, max(open.end, interval.end))
            } else {
                if let open = current { total += open.end - open.start }
                current = interval
            }
        }
        if let open = current { total += open.end - open.start }
        return total
    }
}
