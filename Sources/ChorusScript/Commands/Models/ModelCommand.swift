import ChorusEngine
import Foundation

/// `model`: a model to sample from, by spec.
struct ModelCommand: Command {
    let signature = CommandSignature(
        name: "model", group: .models, summary: "Connects to a model: an OpenAI-compatible server, a replay file, or the local engine.",
        parameters: [
            .positional("spec", .string, "openai:URL/MODEL, replay:FILE.jsonl or local:NAME"),
            .named("concurrency", .int, "requests in flight at once", default: .int(8)),
            .named("timeout", .number, "seconds before a request is retried", default: .double(300)),
            .named("attempts", .int, "tries per request before giving up", default: .int(4)),
        ],
        discussion: """
            `openai:http://HOST:PORT/v1/MODEL` talks to vLLM, SGLang, llama.cpp's \
            server or a hosted API; list several base URLs separated by commas \
            to spread requests over replicas; `?key=ENV_NAME` names the \
            environment variable holding the API key (default OPENAI_API_KEY; \
            keys are never printed or stored). `replay:FILE.jsonl` answers from \
            recorded samples, with no server. `local:NAME` starts the embedded \
            engine (set it up once with scripts/setup-local-engine).
            """,
        examples: [
            "gen = model \"openai:http://127.0.0.1:8000/v1/Qwen2.5-7B-Instruct\"",
            "gen = model \"replay:tutorials/data/samples.jsonl\"",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        let text = invocation.string("spec")
        let spec: ModelSpec
        do {
            spec = try ModelSpec(parsing: text)
        } catch {
            throw invocation.error("\(error)", at: "spec", hint: "examples: openai:http://127.0.0.1:8000/v1/MODEL, replay:samples.jsonl")
        }
        var settings = OpenAICompatibleClient.Settings()
        settings.maxConcurrentRequests = invocation.int("concurrency")
        settings.requestTimeout = invocation.double("timeout")
        settings.retry.maxAttempts = invocation.int("attempts")
        guard settings.maxConcurrentRequests >= 1 else {
            throw invocation.error("`concurrency` must be at least 1", at: "concurrency")
        }
        guard settings.requestTimeout > 0 else { throw invocation.error("`timeout` must be positive", at: "timeout") }
        guard settings.retry.maxAttempts >= 1 else { throw invocation.error("`attempts` must be at least 1", at: "attempts") }
        switch spec {
        case .openAI(_, let endpoints, _):
            do {
                let client = try OpenAICompatibleClient(
                    spec: spec, environment: invocation.session.services.environment, settings: settings)
                let hosts = endpoints.map(\.absoluteString).joined(separator: ", ")
                return .object(ModelValue(client: client, detail: "endpoints: \(hosts)"))
            } catch {
                throw invocation.error("\(error)", at: "spec")
            }
        case .replay(let path):
            do {
                return .object(ModelValue(client: try ReplayModel(path: path), detail: "recorded samples from \(path)"))
            } catch {
                throw invocation.error("\(error)", at: "spec")
            }
        case .local(let name):
            let output = invocation.session.output
            do {
                let client = try LazyLocalClient(
                    name: name, settings: settings, engines: invocation.session.services.localEngines
                ) { output.writeError("starting the local engine (\($0))…\n") }
                return .object(ModelValue(client: client, detail: "local engine (started when a sample is needed)"))
            } catch {
                throw invocation.error("\(error)", at: "spec")
            }
        }
    }
}
