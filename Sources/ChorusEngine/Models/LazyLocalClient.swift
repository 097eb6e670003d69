import Synchronization

/// A client for the local engine (`local:NAME`) that starts it only when a request comes, so a rerun
/// answered entirely from the store never loads the model.
public final class LazyLocalClient: ModelClient {
    /// The model's name, as in `local:NAME`.
    public let name: String
    /// How the client talks to the engine once it runs.
    public let settings: OpenAICompatibleClient.Settings
    /// The engines of the session, which start this one at most once.
    public let engines: LocalEngines
    /// Called once, just before the engine starts (the REPL says so on its error stream).
    private let starting: @Sendable (String) -> Void
    /// One client for all requests, so its concurrency limit holds across them.
    private let client = Mutex<OpenAICompatibleClient?>(nil)

    /// Creates a client for a known local model; nothing starts until the first request.
    public init(
        name: String, settings: OpenAICompatibleClient.Settings, engines: LocalEngines,
        starting: @escaping @Sendable (String) -> Void = { _ in }
    ) throws(LocalEngine.Failure) {
        guard LocalEngine.knownModels.contains(name) else { throw .unknownModel(name, known: LocalEngine.knownModels) }
        self.name = name
        self.settings = settings
        self.engines = engines
        self.starting = starting
    }

    /// `local:NAME`.
    public var identity: String { "local:\(name)" }

    /// Starts the engine at the first request, then sends every request to it.
    public func complete(_ request: CompletionRequest) async throws -> CompletionResponse {
        try await connected().complete(request)
    }

    private func connected() async throws -> OpenAICompatibleClient {
        if let existing = client.withLock({ $0 }) { return existing }
        let engine = try await engines.engine(name, starting: starting)
        let made = try engine.client(settings: settings)
        return client.withLock { current in
            if let current { return current }
            current = made
            return made
        }
    }
}
