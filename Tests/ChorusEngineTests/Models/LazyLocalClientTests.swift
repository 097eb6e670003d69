import ChorusEngine
import Testing

@Suite struct LazyLocalClientTests {
    @Test func anUnknownModelIsRefusedBeforeAnythingStarts() {
        #expect(throws: LocalEngine.Failure.unknownModel("no-such-model", known: LocalEngine.knownModels)) {
            try LazyLocalClient(name: "no-such-model", settings: .init(), engines: LocalEngines(environment: [:]))
        }
    }

    @Test func theFirstRequestOfflineFailsWithTheOfflineRule() async throws {
        let client = try LazyLocalClient(
            name: "qwen2.5-coder-0.5b-instruct", settings: .init(),
            engines: LocalEngines(environment: ["CHORUS_OFFLINE": "1"]))
        #expect(client.identity == "local:qwen2.5-coder-0.5b-instruct")
        await #expect(throws: OfflineError.self) {
            _ = try await client.complete(CompletionRequest(prompt: .text("2+2?")))
        }
    }
}
