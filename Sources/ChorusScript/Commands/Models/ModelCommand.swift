import ChorusEngine
import Foundation

/// `model`: a model to sample from, by spec.
struct ModelCommand: Command {
    static let spec = ParameterKey<String>.positional("spec", "openai:URL/MODEL, replay:FILE.jsonl or local:NAME")
    static let concurrency = ParameterKey<Int>.named(
        "concurrency", "requests in flight at once", default: 8, in: .atLeast(1))
    static let timeout = ParameterKey<Double>.named(
        "timeout", "seconds before a request is retried", default: 300, in: .positive)
    static let attempts = ParameterKey<Int>.named(
        "attempts", "tries per request before giving up", default: 4, in: .atLeast(1))
    static let maxResponse = ParameterKey<Int>.named(
        "max_response_mb", "largest answer accepted, in MiB; a larger one fails the request", default: 64,
        in: .atLeast(1))

    let signature = CommandSignature(
        name: "model", group: .models,
        summary: "Connects to a model: an OpenAI-compatible server, a replay file, or the local engine.",
        parameters: [Self.spec, Self.concurrency, Self.timeout, Self.attempts, Self.maxResponse],
        discussion: """
            `openai:http://HOST:PORT/v1/MODEL` talks to vLLM, SGLang, llama.cpp's \
            server or a hosted API; list several base URLs separated by commas \
            to spread requests over replicas; `?key=ENV_NAME` names the \
            environment variable holding the API key (default OPENAI_API_KEY; \
            keys are never printed or stored). `replay:FILE.jsonl` answers from \
            recorded samples, with no server. `local:NAME` starts the embedded \
            engine (set it up once with scripts/setup-local-engine). \
            `max_response_mb:` caps one answer's body (default 64 MiB): a server \
            sending more fails the request at once, without reading the rest.
            """,
        examples: [
            "gen = model \"openai:http://127.0.0.1:8000/v1/Qwen2.5-7B-Instruct\"",
            "gen = model \"replay:tutorials/data/samples.jsonl\"",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        let spec = try invocation.mapping(at: Self.spec) { try ModelSpec(parsing: invocation[Self.spec]) }
        var settings = OpenAICompatibleClient.Settings()
        settings.maxConcurrentRequests = invocation[Self.concurrency]
        settings.requestTimeout = invocation[Self.timeout]
        settings.retry.maxAttempts = invocation[Self.attempts]
        let (megabytes, overflow) = invocation[Self.maxResponse].multipliedReportingOverflow(by: 1 << 20)
        settings.maxResponseBytes = overflow ? Int.max : megabytes
        switch spec {
        case .openAI(_, let endpoints, _):
            let client = try invocation.mapping(at: Self.spec) {
                try OpenAICompatibleClient(
                    spec: spec, environment: invocation.session.services.environment, settings: settings)
            }
            let hosts = endpoints.map(\.absoluteString).joined(separator: ", ")
            return .object(ModelValue(client: client, detail: "endpoints: \(hosts)"))
        case .replay(let path):
            let model = try invocation.mapping(at: Self.spec) { try ReplayModel(path: path) }
            return .object(ModelValue(client: model, detail: "recorded samples from \(path)"))
        case .local(let name):
            let output = invocation.session.output
            let client = try invocation.mapping(at: Self.spec) {
                try LazyLocalClient(name: name, settings: settings, engines: invocation.session.services.localEngines) {
                    output.writeError("starting the local engine (\($0))…\n")
                }
            }
            return .object(ModelValue(client: client, detail: "local engine (started when a sample is needed)"))
        }
    }
}
