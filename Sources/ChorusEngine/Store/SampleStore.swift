/// Where finished samples are kept, so a rerun reads them instead of calling the model again.
///
/// Every save is durable when it returns; a sample is never collapsed into another.
public protocol SampleStore: Sendable {
    /// The stored samples among `keys`; keys with no sample are absent from the result.
    func samples(for keys: [SampleKey]) async throws -> [SampleKey: StoredSample]

    /// Stores one finished sample, replacing any with the same key, committed before returning.
    func save(_ sample: StoredSample) async throws

    /// Stores several samples in one commit: all or none.
    func save(contentsOf samples: [StoredSample]) async throws

    /// The number of samples stored.
    func count() async throws -> Int

    /// Up to `limit` samples in key order, starting after `key` (from the first when nil).
    func samples(after key: SampleKey?, limit: Int) async throws -> [StoredSample]
}

extension SampleStore {
    /// The stored sample with `key`, if any.
    public func sample(for key: SampleKey) async throws -> StoredSample? {
        try await samples(for: [key])[key]
    }
}
