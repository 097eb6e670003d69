import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite struct SessionServicesTests {
    @Test func aGivenStoreIsTheOneUsed() async throws {
        let store = InMemorySampleStore()
        let services = SessionServices(environment: [:], store: store)
        let used = try await services.sampleStore()
        #expect(used as? InMemorySampleStore === store)
    }

    /// After the session ends, the store's main file holds every sample: a copy of it alone opens with them.
    @Test func shutdownLeavesTheStoreFileComplete() async throws {
        let folder = try TemporaryFolder()
        let services = SessionServices(environment: [:])
        try await services.useStore(at: folder.path("samples.sqlite"))
        let store = try await services.sampleStore()
        try await store.save(
            StoredSample(
                modelIdentity: "m", problemID: "p", prompt: .string("q"), parameters: .object([:]), seed: nil,
                sampleIndex: 0, sample: Sample(text: "a"), createdAt: Date(timeIntervalSince1970: 0)))
        await services.shutdown()
        try FileManager.default.copyItem(atPath: folder.path("samples.sqlite"), toPath: folder.path("copy.sqlite"))
        #expect(try await SQLiteSampleStore(path: folder.path("copy.sqlite")).count() == 1)
    }
}
