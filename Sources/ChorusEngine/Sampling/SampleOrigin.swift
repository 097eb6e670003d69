/// Where one sample of a set is kept: its store key and the seed its request was sent with, so a
/// view can name the seed and an export can write exactly the samples of one set.
public struct SampleOrigin: Sendable, Equatable {
    /// The sample's content address in the store.
    public let key: SampleKey
    /// The seed the sample's own request carried (the base seed plus its index); nil when unseeded.
    public let seed: Int?

    /// Creates an origin.
    public init(key: SampleKey, seed: Int?) {
        self.key = key
        self.seed = seed
    }
}
