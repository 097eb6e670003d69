import ChorusEngine
import ChorusTestSupport
import Testing

@testable import ChorusScript

@Suite struct SessionServicesTests {
    @Test func offlineNeverStartsTheLocalEngine() async throws {
        let services = SessionServices(environment: ["CHORUS_OFFLINE": "1"], store: InMemorySampleStore())
        await #expect {
            _ = try await services.localEngine("qwen2.5-coder-0.5b-instruct", output: CapturedOutput())
        } throws: { error in
            "\(error)".contains("CHORUS_OFFLINE=1 forbids starting the local engine (qwen2.5-coder-0.5b-instruct)")
        }
    }

    @Test func aGivenStoreIsTheOneUsed() async throws {
        let store = InMemorySampleStore()
        let services = SessionServices(environment: [:], store: store)
        let used = try await services.sampleStore()
        #expect(used as? InMemorySampleStore === store)
    }
}
