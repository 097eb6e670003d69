import ChorusTestSupport
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
        if let limit = answersSeedsUpTo, (request.parameters.seed ?? 0) > limit {
            try await ManualClock().sleep(seconds: 1)  // a clock nobody advances
        }
        let count = returnsFewer ? max(0, request.parameters.n - 1) : request.parameters.n
        let samples = (0..<count).map { offset in
            Sample(
                text: "so \\boxed{\(request.parameters.seed.map { $0 + offset } ?? number * 100 + offset)}",
                completionTokens: 5)
        }
        return CompletionResponse(samples: samples, cost: Cost(calls: 1, promptTokens: 10, completionTokens: 5 * count))
    }

    var requestCount: Int { requests.withLock { $0.count } }
}

/// A model that takes 100 s to start on its first request, then 2 s for each answer of 20 tokens,
/// one request at a time, on a clock that moves only as it says.
final class StartingModel: ModelClient {
    let identity = "fake:starting"
    let clock: ManualClock
    private let started = Mutex(false)
    private let busy = AsyncSemaphore(permits: 1)

    init(clock: ManualClock) { self.clock = clock }

    func complete(_ request: CompletionRequest) async throws -> CompletionResponse {
        try await busy.withPermit { [self] in
            if !started.withLock({ $0 }) {
                clock.advance(by: 100)
                started.withLock { $0 = true }
            }
            clock.advance(by: 2)
            let sample = Sample(text: "\\boxed{1}", completionTokens: 20, latency: 2)
            return CompletionResponse(samples: [sample], cost: Cost(calls: 1, completionTokens: 20))
        }
    }
}

@Suite struct SamplerTests {
    let dataset = try! Dataset.builtIn(named: "arithmetic", count: 3, seed: 1)

    /// Samples `dataset` as the set "s" through `client` into `store`.
    func sample(
        _ parameters: SamplingParameters, with client: any ModelClient = CountingModel(),
        into store: any SampleStore = InMemorySampleStore()
    ) async throws -> SamplingOutcome {
        try await Sampler(client: client, store: store).sample(dataset, parameters: parameters, name: "s")
    }

    @Test func seededRunDrawsEachSampleAloneWithItsOwnSeed() async throws {
        let model = CountingModel()
        let sampler = Sampler(client: model, store: InMemorySampleStore())
        let outcome = try await sampler.sample(dataset, parameters: SamplingParameters(n: 4, seed: 10), name: "s")
        #expect(outcome.drawn == 12)
        #expect(outcome.reused == 0)
        #expect(model.requestCount == 12)
        #expect(model.requests.withLock { $0.allSatisfy { $0.parameters.n == 1 } })
        #expect(outcome.samples.entries[0].samples.map(\.text) == (10..<14).map { "so \\boxed{\($0)}" })
        #expect(outcome.spent.calls == 12)
    }

    @Test func rerunReadsTheStoreAndCallsNothing() async throws {
        let store = InMemorySampleStore()
        let first = try await sample(SamplingParameters(n: 2, seed: 1), into: store)
        let model = CountingModel()
        let second = try await sample(SamplingParameters(n: 2, seed: 1), with: model, into: store)
        #expect(model.requestCount == 0)
        #expect(second.reused == 6)
        #expect(second.drawn == 0)
        #expect(second.samples.entries.map(\.samples) == first.samples.entries.map(\.samples))
        #expect(second.spent.calls == 0)
        #expect(second.samples.cost == first.samples.cost)  // the recorded cost, the same on a rerun
    }

    @Test func theSetsWallTimeComesFromTheStoreAndIsTheSameOnARerun() async throws {
        // Every answer took 2 s; the store keeps when each finished.
        final class TimedModel: ModelClient {
            let identity = "fake:timed"
            func complete(_ request: CompletionRequest) async throws -> CompletionResponse {
                CompletionResponse(
                    samples: [Sample(text: "\\boxed{1}", promptTokens: 3, completionTokens: 1, latency: 2)],
                    cost: Cost(calls: 1))
            }
        }
        let store = InMemorySampleStore()
        let clock = ManualClock()
        let first = try await Sampler(client: TimedModel(), store: store, clock: clock)
            .sample(dataset, parameters: SamplingParameters(n: 2, seed: 1), name: "s")
        // Six 2-second requests that finished at the same moment overlap: 2 s in all.
        #expect(first.samples.cost.wallSeconds == 2)
        let stored = await store.samples(after: nil, limit: 10)
        #expect(stored.count == 6 && stored.allSatisfy { $0.createdAt == clock.date() })
        clock.advance(by: 3600)
        let second = try await Sampler(client: TimedModel(), store: store, clock: clock)
            .sample(dataset, parameters: SamplingParameters(n: 2, seed: 1), name: "s")
        #expect(second.drawn == 0)
        #expect(second.samples.cost.wallSeconds == 2)
    }

    @Test func raisingNDrawsOnlyTheNewSamples() async throws {
        let store = InMemorySampleStore()
        _ = try await sample(SamplingParameters(n: 2, seed: 1), into: store)
        let model = CountingModel()
        let outcome = try await sample(SamplingParameters(n: 5, seed: 1), with: model, into: store)
        #expect(outcome.reused == 6)
        #expect(outcome.drawn == 9)
        #expect(model.requests.withLock { $0.compactMap(\.parameters.seed).sorted() } == [3, 3, 3, 4, 4, 4, 5, 5, 5])
    }

    @Test func unseededRunAsksOncePerProblemWithNativeN() async throws {
        let model = CountingModel()
        let outcome = try await sample(SamplingParameters(n: 4), with: model)
        #expect(model.requestCount == 3)
        #expect(model.requests.withLock { $0.map(\.parameters.n) } == [4, 4, 4])
        #expect(model.requests.withLock { $0.allSatisfy { $0.parameters.seed == nil } })
        #expect(outcome.samples.sampleCount == 12)
    }

    @Test func otherParametersOrModelsDoNotShareSamples() async throws {
        let store = InMemorySampleStore()
        _ = try await sample(SamplingParameters(n: 1, temperature: 0.7, seed: 1), into: store)
        let model = CountingModel()
        _ = try await sample(SamplingParameters(n: 1, temperature: 0.2, seed: 1), with: model, into: store)
        #expect(model.requestCount == 3)
    }

    @Test func everyFinishedSampleIsStoredBeforeCancellationEnds() async throws {
        let store = InMemorySampleStore()
        // Seeds 1…3 are answered; every other request waits until the run is cancelled.
        let model = CountingModel(answersSeedsUpTo: 3)
        let sampler = Sampler(client: model, store: store)
        let task = Task { try await sampler.sample(dataset, parameters: SamplingParameters(n: 20, seed: 1), name: "s") }
        await store.untilHolding(9)
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { _ = try result.get() }
        let saved = await store.count()
        #expect(saved == 9)  // samples 0…2 of each of the 3 problems
        // A rerun finds what was saved and draws only the rest.
        let rerun = try await sample(SamplingParameters(n: 20, seed: 1), into: store)
        #expect(rerun.reused == 9)
        #expect(rerun.drawn == 51)
    }

    @Test func aShortResponseIsAnError() async throws {
        let sampler = Sampler(client: CountingModel(returnsFewer: true), store: InMemorySampleStore())
        await #expect(throws: SamplingError.incompleteResponses(missing: 3)) {
            _ = try await sampler.sample(dataset, parameters: SamplingParameters(n: 2), name: "s")
        }
    }

    @Test func theProgressCountsAreTheSummarysCounts() async throws {
        let last = Mutex<SamplingProgress?>(nil)
        let outcome = try await Sampler(client: CountingModel(), store: InMemorySampleStore())
            .sample(dataset, parameters: SamplingParameters(n: 2), name: "s") { progress in
                last.withLock { $0 = progress }
            }
        let progress = try #require(last.withLock { $0 })
        #expect(progress.calls == 3 && outcome.spent.calls == 3)
        #expect(progress.completionTokens == 30 && outcome.spent.completionTokens == 30)
    }

    @Test func theRateLeavesOutTheModelsStartUp() async throws {
        let clock = ManualClock()
        let model = StartingModel(clock: clock)
        let reports = Mutex<[SamplingProgress]>([])
        let one = try Dataset.builtIn(named: "arithmetic", count: 1, seed: 1)
        _ = try await Sampler(client: model, store: InMemorySampleStore(), clock: clock)
            .sample(one, parameters: SamplingParameters(n: 1, seed: 1), name: "s") { progress in
                reports.withLock { $0.append(progress) }
            }
        let last = try #require(reports.withLock { $0.last })
        // 100 s of start-up, then an answer of 20 tokens in 2 s.
        #expect(last.elapsed == 102)
        #expect(last.serving == 2)
        #expect(last.tokensPerSecond == 10)
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

/// The sampler over real HTTP against a misbehaving stub server, with a real SQLite store: faults are
/// retried, a broken answer never becomes a stored sample, and nothing finished is lost.
@Suite struct SamplerFaultTests {
    let dataset = try! Dataset.builtIn(named: "arithmetic", count: 3, seed: 1)
    static let settings = OpenAICompatibleClient.Settings(
        maxConcurrentRequests: 4, requestTimeout: 5,
        retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.001, maxDelay: 0.005, maxRetryAfter: 0.05))

    /// The seed a request body carries.
    static func seed(of request: StubHTTPServer.Request) -> Int {
        guard let range = request.body.range(of: #""seed":\d+"#, options: .regularExpression) else { return -1 }
        return Int(request.body[range].dropFirst(7)) ?? -1
    }

    /// A good answer to the request with this seed.
    static func answer(seed: Int) -> StubHTTPServer.Reply {
        .json(OpenAICompatibleClientTests.chat(["so \\boxed{\(seed)}"]))
    }

    /// Numbers the distinct requests (by body) and counts the tries of each, so a script can fail a
    /// request's first try only.
    final class Attempts: Sendable {
        private let seen = Mutex<[String: (number: Int, tries: Int)]>([:])
        /// The request's number (0, 1, … in order of first arrival) and which try this is (1, 2, …).
        func next(_ body: String) -> (number: Int, tries: Int) {
            seen.withLock { seen in
                let entry = seen[body].map { ($0.number, $0.tries + 1) } ?? (seen.count, 1)
                seen[body] = entry
                return entry
            }
        }
    }

    @Test func everyKindOfFaultIsRetriedAndOnlyGoodAnswersAreStored() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteSampleStore(path: folder.path("samples.sqlite"))
        let attempts = Attempts()
        // 12 requests (3 problems × seeds 1…4); the first six to arrive fail once, each in its own way.
        let server = try StubHTTPServer { _, request in
            let seed = Self.seed(of: request)
            let (number, tries) = attempts.next(request.body)
            guard tries == 1 else { return Self.answer(seed: seed) }
            switch number {
            case 0: return .status(500, #"{"error":"overloaded"}"#)
            case 1: return .status(429, #"{"error":"slow down"}"#, retryAfter: "0")
            case 2: return .reset
            case 3:
                return StubHTTPServer.Reply(
                    body: OpenAICompatibleClientTests.chat(["so \\boxed{999}"]), action: .truncate)
            case 4: return .json(#"{"choices":[{"index":0,"message":{"role":"assistant","content":"so \\boxed{999}"#)
            case 5: return .held("")  // never answered while the test runs: the request times out
            default:
                return StubHTTPServer.Reply(
                    body: OpenAICompatibleClientTests.chat(["so \\boxed{\(seed)}"]), delay: 0.05, action: .slowBody)
            }
        }
        let client = try OpenAICompatibleClient(
            model: "m", endpoints: [server.baseURL], settings: Self.settings, random: SplitMix64(seed: 1))
        let outcome = try await Sampler(client: client, store: store)
            .sample(dataset, parameters: SamplingParameters(n: 4, seed: 1), name: "s")
        for entry in outcome.samples.entries {
            #expect(entry.samples.map(\.text) == (1...4).map { "so \\boxed{\($0)}" })
        }
        let count = try await store.count()
        #expect(count == 12)
        let stored = try await store.samples(after: nil, limit: 100).map(\.sample.text)
        #expect(!stored.contains { $0.contains("999") })
        // 12 answers + 6 failed first tries (a reset on a kept-alive connection is resent at once): the
        // run's summary counts the answered calls, as the sample set does.
        #expect(server.requests.count == 18)
        #expect(outcome.spent.calls == 12)
        #expect(outcome.samples.cost.calls == 12)
    }

    @Test func aRequestThatKeepsFailingStopsTheRunButKeepsWhatFinished() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("samples.sqlite")
        // The last problem's sample 3 (seed 4) always gets a 500; the rest answer.
        let lastQuestion = String(dataset.problems[2].question.prefix(16))
        let failing = try StubHTTPServer { _, request in
            let seed = Self.seed(of: request)
            return seed == 4 && request.body.contains(lastQuestion)
                ? .status(500, #"{"error":"broken"}"#) : Self.answer(seed: seed)
        }
        var settings = Self.settings
        settings.maxConcurrentRequests = 1  // one at a time: every other sample finishes before the last one fails
        let client = try OpenAICompatibleClient(
            model: "m", endpoints: [failing.baseURL], identity: "openai:m@fleet", settings: settings,
            random: SplitMix64(seed: 1))
        let store = try SQLiteSampleStore(path: path)
        await #expect {
            _ = try await Sampler(client: client, store: store).sample(
                dataset, parameters: SamplingParameters(n: 4, seed: 1), name: "s")
        } throws: { error in
            "\(error)".contains("500") && "\(error)".contains("broken")
        }
        let saved = try await store.count()
        #expect(saved == 11)
        await store.close()

        // A rerun, on a healthy server under the same identity, draws only the missing sample.
        let healthy = try StubHTTPServer { _, request in Self.answer(seed: Self.seed(of: request)) }
        let reopened = try SQLiteSampleStore(path: path)
        let rerun = try await Sampler(
            client: try OpenAICompatibleClient(
                model: "m", endpoints: [healthy.baseURL], identity: "openai:m@fleet", settings: Self.settings),
            store: reopened
        ).sample(dataset, parameters: SamplingParameters(n: 4, seed: 1), name: "s")
        #expect(rerun.reused == 11)
        #expect(rerun.drawn == 1)
        #expect(healthy.requests.map(Self.seed) == [4])
    }
}
