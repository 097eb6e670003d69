import ChorusEngine

/// Starts (or reuses) the embedded local engine for `local:NAME` models.
enum LocalModels {
    static func start(_ name: String, settings: OpenAICompatibleClient.Settings, invocation: Invocation) async throws -> Value {
        let output = invocation.session.output
        output.progress("starting the local engine (\(name))…")
        let engine: LocalEngine
        do {
            engine = try await invocation.session.services.localEngine(name)
            output.progress(nil)
        } catch let failure as LocalEngine.Failure {
            output.progress(nil)
            throw invocation.error("\(failure)", at: "spec")
        }
        do {
            let client = try engine.client(settings: settings)
            return .object(ModelValue(client: client, detail: "local engine at \(engine.baseURL.absoluteString)"))
        } catch {
            throw invocation.error("\(error)", at: "spec")
        }
    }
}
