import ChorusEngine
import Synchronization

/// `local:NAME` models: the embedded engine, started at the first request that the store cannot answer.
enum LocalModels {
    static func start(_ name: String, settings: OpenAICompatibleClient.Settings, invocation: Invocation) async throws -> Value {
        let client = LazyLocalClient(
            name: name, settings: settings, services: invocation.session.services, output: invocation.session.output)
        return .object(ModelValue(client: client, detail: "local engine (started when a sample is needed)"))
    }
}

/// A client for the local engine that starts it only when a request comes, so a rerun answered
/// entirely from the store never loads the model.
final class LazyLocalClient: ModelClient {
    let name: String
    let settings: OpenAICompatibleClient.Settings
    let services: SessionServices
    let output: any OutputSink
    /// One client for all requests, so its concurrency limit holds across them.
    private let client = Mutex<OpenAICompatibleClient?>(nil)

    init(name: String, settings: OpenAICompatibleClient.Settings, services: SessionServices, output: any OutputSink) {
        self.name = name
        self.settings = settings
        self.services = services
        self.output = output
    }

    var identity: String { "local:\(name)" }

    func complete(_ request: CompletionRequest) async throws -> CompletionResponse {
        try await connected().complete(request)
    }

    private func connected() async throws -> OpenAICompatibleClient {
        if let existing = client.withLock({ $0 }) { return existing }
        let engine = try await services.localEngine(name, output: output)
        let made = try engine.client(settings: settings)
        return client.withLock { current in
            if let current { return current }
            current = made
            return made
        }
    }
}
