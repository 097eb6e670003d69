import ChorusEngine

/// What a session's commands share beyond variables: the environment and the sample store.
public actor SessionServices {
    /// The process environment (store location, API keys by name).
    public nonisolated let environment: [String: String]
    private var store: (any SampleStore)?
    private var engines: [String: LocalEngine] = [:]

    /// Creates services; a given store is used instead of the default SQLite file.
    public init(environment: [String: String], store: (any SampleStore)? = nil) {
        self.environment = environment
        self.store = store
    }

    /// The sample store, opened at first use (`$XDG_DATA_HOME/chorus/samples.sqlite` by default).
    public func sampleStore() throws -> any SampleStore {
        if let store { return store }
        let opened = try SQLiteSampleStore(environment: environment)
        store = opened
        return opened
    }

    /// The running local engine for a model, started at first use and kept for the session.
    public func localEngine(_ name: String) async throws -> LocalEngine {
        if let running = engines[name], await running.isHealthy() { return running }
        engines[name]?.stop()
        let engine = try await LocalEngine.start(name: name, environment: environment)
        engines[name] = engine
        return engine
    }

    /// Stops every local engine this session started.
    public func shutdown() {
        for engine in engines.values { engine.stop() }
        engines.removeAll()
    }

    /// Switches to the store in another file.
    public func useStore(at path: String) throws {
        store = try SQLiteSampleStore(path: path)
    }
}
