import ChorusEngine

/// What a session's commands share beyond variables: the environment, the sample store and the local engines.
public actor SessionServices {
    /// The process environment (store location, API keys by name).
    public nonisolated let environment: [String: String]
    private var store: (any SampleStore)?
    /// The local engines this session started (`local:NAME` models), each at its first request.
    public nonisolated let localEngines: LocalEngines

    /// Creates services; a given store is used instead of the default SQLite file.
    public init(environment: [String: String], store: (any SampleStore)? = nil) {
        self.environment = environment
        self.store = store
        self.localEngines = LocalEngines(environment: environment)
    }

    /// The sample store, opened at first use (`$XDG_DATA_HOME/chorus/samples.sqlite` by default).
    public func sampleStore() throws -> any SampleStore {
        if let store { return store }
        let opened = try SQLiteSampleStore(environment: environment)
        store = opened
        return opened
    }

    /// Where the sample store is: the file in use, else the file the first use will open; nil for a
    /// store that is not a file.
    public func storeLocation() -> String? {
        guard let store else { return SampleStoreLocation.defaultPath(environment: environment) }
        return (store as? SQLiteSampleStore)?.path
    }

    /// Stops every local engine this session started and closes the sample store, so its file is
    /// complete on its own (the WAL checkpointed into it).
    public func shutdown() async {
        await localEngines.stopAll()
        await store?.close()
    }

    /// Switches to the store in another file, closing the one in use.
    public func useStore(at path: String) async throws {
        let opened = try SQLiteSampleStore(path: path)
        await store?.close()
        store = opened
    }
}
