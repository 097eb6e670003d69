import Foundation

/// Where finished samples are kept, so a rerun reads them instead of calling the model again.
///
/// Every save is durable when it returns, unless the store says it holds samples for the session
/// only (``sessionOnlyCount()``); a sample is never collapsed into another.
public protocol SampleStore: Sendable {
    /// The stored samples among `keys`; keys with no sample are absent from the result.
    func samples(for keys: [SampleKey]) async throws -> [SampleKey: StoredSample]

    /// The stored responses of `keys`, in the same order, nil where none is stored: what a rerun reads.
    func responses(for keys: [SampleKey]) async throws -> [StoredResponse?]

    /// Stores one finished sample, replacing any with the same key, committed before returning.
    func save(_ sample: StoredSample) async throws

    /// Stores several samples in one commit: all or none.
    func save(contentsOf samples: [StoredSample]) async throws

    /// The number of samples stored.
    func count() async throws -> Int

    /// Up to `limit` samples in key order, starting after `key` (from the first when nil).
    func samples(after key: SampleKey?, limit: Int) async throws -> [StoredSample]

    /// Samples saved this session that are held in memory only, because the store cannot be written.
    func sessionOnlyCount() async -> Int

    /// Writes a consistent copy of everything stored (samples held for the session too) to a new
    /// store file at `path`; returns how many samples it holds.
    func backup(to path: String) async throws -> Int

    /// Finishes writing and lets go of the store's files.
    func close() async
}

extension SampleStore {
    /// The stored sample with `key`, if any.
    public func sample(for key: SampleKey) async throws -> StoredSample? {
        try await samples(for: [key])[key]
    }

    /// The responses of ``samples(for:)``, in the order of `keys`.
    public func responses(for keys: [SampleKey]) async throws -> [StoredResponse?] {
        let found = try await samples(for: keys)
        return keys.map { key in
            found[key].map { StoredResponse(sample: $0.sample, createdAtMilliseconds: $0.createdAtMilliseconds) }
        }
    }

    /// None: a store saves everything durably unless it says otherwise.
    public func sessionOnlyCount() async -> Int { 0 }

    /// Copies every sample, page by page, into a new SQLite store at `path`.
    public func backup(to path: String) async throws -> Int {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw SampleStoreError.file(path: path, reason: "the file already exists")
        }
        let copy = try SQLiteSampleStore(path: path)
        var cursor: SampleKey?
        while case let page = try await samples(after: cursor, limit: 1000), let last = page.last {
            try await copy.save(contentsOf: page)
            cursor = last.key
        }
        let count = try await copy.count()
        await copy.close()
        return count
    }

    /// Nothing to let go of.
    public func close() async {}
}
