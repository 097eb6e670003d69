import ChorusEngine

/// A sample store held in memory: a deterministic stand-in for the SQLite store in tests.
public actor InMemorySampleStore: SampleStore {
    private var stored: [SampleKey: StoredSample] = [:]
    private var watchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    /// Creates an empty store, or one holding `samples`.
    public init(_ samples: [StoredSample] = []) {
        for sample in samples { stored[sample.key] = sample }
    }

    /// The stored samples among `keys`.
    public func samples(for keys: [SampleKey]) -> [SampleKey: StoredSample] {
        var found: [SampleKey: StoredSample] = [:]
        for key in keys { found[key] = stored[key] }
        return found
    }

    /// Stores one sample, replacing any with the same key.
    public func save(_ sample: StoredSample) {
        stored[sample.key] = sample
        wakeWatchers()
    }

    /// Stores several samples.
    public func save(contentsOf samples: [StoredSample]) {
        for sample in samples { stored[sample.key] = sample }
        wakeWatchers()
    }

    /// The number of samples stored.
    public func count() -> Int { stored.count }

    /// Up to `limit` samples in key order after `key`.
    public func samples(after key: SampleKey?, limit: Int) -> [StoredSample] {
        let keys = stored.keys.filter { key == nil || $0 > key! }.sorted().prefix(max(0, limit))
        return keys.map { stored[$0]! }
    }

    /// Returns once the store holds at least `count` samples: how a test knows that work reached a point
    /// without guessing how long it takes.
    public func untilHolding(_ count: Int) async {
        guard stored.count < count else { return }
        await withCheckedContinuation { watchers.append((count, $0)) }
    }

    private func wakeWatchers() {
        let holding = stored.count
        for watcher in watchers where watcher.count <= holding { watcher.continuation.resume() }
        watchers.removeAll { $0.count <= holding }
    }
}
