/// How far a sampling run has come, reported after every finished request.
public struct SamplingProgress: Sendable, Equatable {
    /// Samples wanted in all.
    public let total: Int
    /// Samples found in the store before any request.
    public let reused: Int
    /// Samples drawn from the model so far.
    public let drawn: Int
    /// Completion tokens received so far, as recorded with the samples.
    public let completionTokens: Int
    /// Requests answered so far, counted as the run's summary counts them (retries are not calls).
    public let calls: Int
    /// Seconds since the run started.
    public let elapsed: Double
    /// Seconds since the model began on the earliest answered request (its finish time less its
    /// latency): the span rates are measured over, leaving out start-up such as a local engine loading.
    public let serving: Double

    /// Creates a progress report; `serving` defaults to the whole run.
    public init(
        total: Int, reused: Int, drawn: Int, completionTokens: Int, calls: Int = 0, elapsed: Double,
        serving: Double? = nil
    ) {
        self.total = total
        self.reused = reused
        self.drawn = drawn
        self.completionTokens = completionTokens
        self.calls = calls
        self.elapsed = elapsed
        self.serving = serving ?? elapsed
    }

    /// Samples available so far, reused or drawn.
    public var done: Int { reused + drawn }

    /// Completion tokens per second while the model was serving; nil before any arrive.
    public var tokensPerSecond: Double? {
        serving > 0 && completionTokens > 0 ? Double(completionTokens) / serving : nil
    }

    /// Seconds until every sample is drawn at the rate so far; nil before the first or after the last.
    public var secondsLeft: Double? {
        guard drawn > 0, done < total, serving > 0 else { return nil }
        return Double(total - done) * serving / Double(drawn)
    }
}
