import Foundation
import Synchronization
import Testing

@testable import ChorusEngine

/// A model that answers `\boxed{seed-or-counter}` and counts the requests it gets.
final class CountingModel: ModelClient {
    let identity = "fake:counting"
    let requests = Mutex<[CompletionRequest]>([])
    /// Requests whose seed is above this never finish (until cancelled).
    let answersSeedsUpTo: Int?
    let returnsFewer: Bool

    init(answersSeedsUpTo: Int? = nil, returnsFewer: Bool = false) {
        self.answersSeedsUpTo = answersSeedsUpTo
        self.returnsFewer = returnsFewer
    }

    func complete(_ request: CompletionRequest) async throws -> CompletionResponse {
        let number = requests.withLock { list -> Int in
            list.append(request)
            return list.count
        }
        if let limit = answersSeedsUpTo, (request.seed ?? 0) > limit {
            try await Task.sleep(nanoseconds: 600_000_000_000)
        }
        let count = returnsFewer ? max(0, request.n - 1) : request.n
        let samples = (0..<count).map { offset in
            Sample(text: "so \\boxed{\(request.seed.map { $0 + offset } ?? number * 100 + offset)}", completionTokens: 5)
        }
        return CompletionResponse(samples: samples, cost: Cost(calls: 1, promptTokens: 10, completionTokens: 5 * count))
    }

    var requestCount: Int { requests.withLock { $0.count } }
}

@Suite struct SamplerTests {
    let dataset = try! Dataset.builtIn(named: "arithmetic", count: 3, seed: 1)

    @Test func seededRunDrawsEachSampleAloneWithItsOwnSeed() async throws {
        let model = CountingModel()
        let sampler = Sampler(client: model, store: InMemorySampleStore())
        let outcome = try await sampler.sample(dataset, parameters: SamplingParameters(n: 4, seed: 10), name: "s")
        #expect(outcome.drawn == 12)
        #expect(outcome.reused == 0)
        #expect(model.requestCount == 12)
        #expect(model.requests.withLock { $0.allSatisfy { $0.n == 1 } })
        #expect(outcome.samples.entries[0].samples.map(\.text) == (10..<14).map { "so \\boxed{\($0)}" })
        #expect(outcome.samples.cost.calls == 12)
    }

    @Test func rerunReadsTheStoreAndCallsNothing() async throws {
        let store = InMemorySampleStore()
        let first = try await Sampler(client: CountingModel(), store: store)
            .sample(dataset, parameters: SamplingParameters(n: 2, seed: 1), name: "s")
        let model = CountingModel()
        let second = try await Sampler(client: model, store: store)
            .sample(dataset, parameters: SamplingParameters(n: 2, seed: 1), name: "s")
        #expect(model.requestCount == 0)
        #expect(second.reused == 6)
        #expect(second.drawn == 0)
        #expect(second.samples.entries.map(\.samples) == first.samples.entries.map(\.samples))
        #expect(second.samples.cost.calls == 0)
    }

    @Test func raisingNDrawsOnlyTheNewSamples() async throws {
        let store = InMemorySampleStore()
        _ = try await Sampler(client: CountingModel(), store: store)
            .sample(dataset, parameters: SamplingParameters(n: 2, seed: 1), name: "s")
        let model = CountingModel()
        let outcome = try await Sampler(client: model, store: store)
            .sample(dataset, parameters: SamplingParameters(n: 5, seed: 1), name: "s")
        #expect(outcome.reused == 6)
        #expect(outcome.drawn == 9)
        #expect(model.requests.withLock { $0.compactMap(\.seed).sorted() } == [3, 3, 3, 4, 4, 4, 5, 5, 5])
    }

    @Test func unseededRunAsksOncePerProblemWithNativeN() async throws {
        let model = CountingModel()
        let outcome = try await Sampler(client: model, store: InMemorySampleStore())
            .sample(dataset, parameters: SamplingParameters(n: 4), name: "s")
        #expect(model.requestCount == 3)
        #expect(model.requests.withLock { $0.map(\.n) } == [4, 4, 4])
        #expect(model.requests.withLock { $0.allSatisfy { $0.seed == nil } })
        #expect(outcome.samples.sampleCount == 12)
    }

    @Test func otherParametersOrModelsDoNotShareSamples() async throws {
        let store = InMemorySampleStore()
        _ = try await Sampler(client: CountingModel(), store: store)
            .sample(dataset, parameters: SamplingParameters(n: 1, temperature: 0.7, seed: 1), name: "s")
        let model = CountingModel()
        _ = try await Sampler(client: model, store: store)
            .sample(dataset, parameters: SamplingParameters(n: 1, temperature: 0.2, seed: 1), name: "s")
        #expect(model.requestCount == 3)
    }

    @Test func everyFinishedSampleIsStoredBeforeCancellationEnds() async throws {
        let store = InMemorySampleStore()
        // Seeds 1…3 are answered; every other request waits until the run is cancelled.
        let model = CountingModel(answersSeedsUpTo: 3)
        let sampler = Sampler(client: model, store: store)
        let task = Task { try await sampler.sample(dataset, parameters: SamplingParameters(n: 20, seed: 1), name: "s") }
        var saved = 0
        for _ in 0..<1000 where saved < 9 {
            try await Task.sleep(nanoseconds: 10_000_000)
            saved = await store.count()
        }
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { _ = try result.get() }
        saved = await store.count()
        #expect(saved == 9)  // samples 0…2 of each of the 3 problems
        // A rerun finds what was saved and draws only the rest.
        let rerun = try await Sampler(client: CountingModel(), store: store)
            .sample(dataset, parameters: SamplingParameters(n: 20, seed: 1), name: "s")
        #expect(rerun.reused == 9)
        #expect(rerun.drawn == 51)
    }

    @Test func aShortResponseIsAnError() async throws {
        let sampler = Sampler(client: CountingModel(returnsFewer: true), store: InMemorySampleStore())
        await #expect(throws: SamplingError.incompleteResponses(missing: 3)) {
            _ = try await sampler.sample(dataset, parameters: SamplingParameters(n: 2), name: "s")
        }
    }

    @Test func progressCountsUpToTheTotal() async throws {
        let seen = Mutex<[Int]>([])
        _ = try await Sampler(client: CountingModel(), store: InMemorySampleStore())
            .sample(dataset, parameters: SamplingParameters(n: 2, seed: 1), name: "s") { progress in
                seen.withLock { $0.append(progress.done) }
            }
        let reports = seen.withLock { $0 }
        #expect(reports.first == 0)
        #expect(reports.max() == 6)
        #expect(reports.count == 7)
    }
}
