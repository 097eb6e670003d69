import ChorusEngine
import ChorusTestSupport
import Testing

@Suite("In-memory sample store")
struct InMemorySampleStoreTests {
    @Test func savesLooksUpAndPages() async throws {
        let store: any SampleStore = InMemorySampleStore()
        let samples = SampleFixtures.samples(problems: 3, perProblem: 4)
        for sample in samples { try await store.save(sample) }
        #expect(try await store.count() == 12)
        let found = try await store.samples(for: samples.map(\.key))
        #expect(found.count == 12)
        #expect(try await store.sample(for: samples[5].key) == samples[5])
        let first = try await store.samples(after: nil, limit: 5)
        let rest = try await store.samples(after: first.last?.key, limit: 100)
        #expect((first + rest).map(\.key) == samples.map(\.key).sorted())
    }

    @Test func saveReplacesTheSameKey() async throws {
        let store: any SampleStore = InMemorySampleStore([SampleFixtures.sample(index: 0, text: "old")])
        try await store.save(SampleFixtures.sample(index: 0, text: "new"))
        #expect(try await store.count() == 1)
        #expect(try await store.sample(for: SampleFixtures.sample(index: 0).key)?.sample.text == "new")
    }
}
