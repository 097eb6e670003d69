/// How far a sampling run has come, reported after every finished request.
public struct SamplingProgress: Sendable, Equatable {
    /// Samples wanted in all.
    public let total: Int
    /// Samples found in the store before any request.
    public let reused: Int
    /// Samples drawn from the model so far.
    public let drawn: Int
    /// Completion tokens received so far.
    public let completionTokens: Int
    /// Seconds since the run started.
    public let elapsed: Double

    /// Creates a progress report.
    public init(total: Int, reused: Int, drawn: Int, completionTokens: Int, elapsed: Double) {
        self.total = total
        self.reused = reused
        self.drawn = drawn
        self.completionTokens = completionTokens
        self.elapsed = elapsed
    }

    /// Samples available so far, reused or drawn.
    public var done: Int { reused + drawn }
}
