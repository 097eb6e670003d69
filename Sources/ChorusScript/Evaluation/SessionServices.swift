import ChorusEngine

/// What a session's commands share beyond variables: the environment and the sample store.
public actor SessionServices {
    /// The process environment (store location, API keys by name).
    public nonisolated let environment: [String: String]
    private var store: (any SampleStore)?
    private var engines: [String: LocalEngine] = [:]
    /// Starts in progress: concurrent requests wait for the same start instead of starting twice.
    private var startingEngines: [String: Task<LocalEngine, any Error>] = [:]

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
    ///
    /// With `CHORUS_OFFLINE=1` no engine is started: a run that must be answered from the store
    /// alone (a replayed tutorial, a check that a rerun costs nothing) fails instead of sampling.
    public func localEngine(_ name: String, output: any OutputSink) async throws -> LocalEngine {
        if let running = engines[name] { return running }
        if let starting = startingEngines[name] { return try await starting.value }
        if environment["CHORUS_OFFLINE"] == "1" { throw OfflineError(model: name) }
        let environment = self.environment
        let starting = Task { try await LocalEngine.start(name: name, environment: environment) }
        startingEngines[name] = starting
        output.writeError("starting the local engine (\(name))…\n")
        defer { startingEngines[name] = nil }
        let engine = try await starting.value
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

/// A model call was needed while `CHORUS_OFFLINE=1` forbids starting the local engine.
public struct OfflineError: Error, CustomStringConvertible {
    /// The local model that would have been started.
    public let model: String

    /// The message shown to the user.
    public var description: String {
        "the store lacks samples this needs, and CHORUS_OFFLINE=1 forbids starting the local engine (\(model))"
    }
}
