/// What a rerun needs of a stored sample: the response and when it was saved, without the prompt and
/// parameters texts its key already stands for. Made by stores (memberwise), read by the sampler.
public struct StoredResponse: Sendable, Equatable {
    /// The response with its usage, latency, log-probability and score.
    public var sample: Sample
    /// When the sample was saved, in milliseconds since 1970.
    public var createdAtMilliseconds: Int64

    /// When the sample was saved, in seconds since 1970.
    public var createdAtSeconds: Double { Double(createdAtMilliseconds) / 1000 }
}
