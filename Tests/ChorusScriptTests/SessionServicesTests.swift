import ChorusEngine
import ChorusTestSupport
import Testing

@testable import ChorusScript

@Suite struct SessionServicesTests {
    @Test func aGivenStoreIsTheOneUsed() async throws {
        let store = InMemorySampleStore()
        let services = SessionServices(environment: [:], store: store)
        let used = try await services.sampleStore()
        #expect(used as? InMemorySampleStore === store)
    }
}
