/// The local engines one session started: each started at first use, once, and stopped together.
///
/// With `CHORUS_OFFLINE=1` no engine is started: a run that must be answered from the store alone
/// (a replayed tutorial, a check that a rerun costs nothing) fails instead of sampling.
public actor LocalEngines {
    /// The process environment: the cache folder the engines are installed in, and `CHORUS_OFFLINE`.
    public nonisolated let environment: [String: String]
    private var engines: [String: LocalEngine] = [:]
    /// Starts in progress: concurrent requests wait for the same start instead of starting twice.
    private var startingEngines: [String: Task<LocalEngine, any Error>] = [:]

    /// Creates an empty set of engines.
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Whether `CHORUS_OFFLINE=1` forbids starting an engine.
    public nonisolated var isOffline: Bool { environment["CHORUS_OFFLINE"] == "1" }

    /// The running engine for a model, started at first use (`starting` is told its name) and kept.
    public func engine(_ name: String, starting: @Sendable (String) -> Void = { _ in }) async throws -> LocalEngine {
        if let running = engines[name] { return running }
        if let pending = startingEngines[name] { return try await pending.value }
        if isOffline { throw OfflineError(model: name) }
        let environment = self.environment
        let pending = Task { try await LocalEngine.start(name: name, environment: environment) }
        startingEngines[name] = pending
        starting(name)
        defer { startingEngines[name] = nil }
        let engine = try await pending.value
        engines[name] = engine
        return engine
    }

    /// Stops every engine started here.
    public func stopAll() {
        for engine in engines.values { engine.stop() }
        engines.removeAll()
    }
}
