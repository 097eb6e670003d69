import Synchronization
import Testing

@testable import ChorusEngine

/// A judge that gives a solution ending in `\boxed{2}` a 9 and anything else a 2 (or no score at all
/// for a solution saying "garble").
final class KeywordJudge: ModelClient {
    let identity = "fake:judge"
    let calls = Mutex(0)

    func complete(_ request: CompletionRequest) async throws -> CompletionResponse {
        calls.withLock { $0 += 1 }
        guard case .chat(let messages) = request.prompt else { throw CancellationError() }
        let prompt = messages[0].content
        let text = prompt.contains("garble") ? "hmm" : prompt.contains("\\boxed{2}") ? "fine <score>9</score>" : "<score> 2 </score>"
        return CompletionResponse(samples: [Sample(text: text, promptTokens: 30, completionTokens: 4)], cost: Cost(calls: 1))
    }
}

@Suite struct JudgeScorerTests {
    @Test func readsTheLastScoreOutOfTen() {
        #expect(JudgeScorer.score(in: "<score>3</score> then <score>7.5</score>") == 0.75)
        #expect(JudgeScorer.score(in: "<score>11</score>") == nil)
        #expect(JudgeScorer.score(in: "<score>high</score>") == nil)
        #expect(JudgeScorer.score(in: "no tag") == nil)
    }

    @Test func scoresEverySampleAndStoresTheJudgements() async throws {
        let problem = Problem(id: "p", question: "1+1?", goldAnswer: "2", source: "hand")
        let input = SampleSet(name: "s", entries: [
            SampleSet.Entry(problem: problem, samples: [Sample(text: "\\boxed{3}"), Sample(text: "\\boxed{2}"), Sample(text: "garble")])
        ])
        let store = InMemorySampleStore()
        let judge = KeywordJudge()
        let scorer = JudgeScorer(client: judge, store: store, parameters: SamplingParameters(n: 1, temperature: 0, seed: 1))
        let outcome = try await scorer.score(input)
        #expect(outcome.samples.entries[0].samples.map(\.score) == [0.2, 0.9, nil])
        #expect(outcome.unreadable == 1)
        #expect(outcome.drawn == 3)
        #expect(outcome.samples.cost == Cost(calls: 3, promptTokens: 90, completionTokens: 12))
        let again = try await JudgeScorer(client: judge, store: store, parameters: SamplingParameters(n: 1, temperature: 0, seed: 1))
            .score(input)
        #expect(again.reused == 3)
        #expect(judge.calls.withLock { $0 } == 3)
        // Only the first k.
        let firstOne = try await scorer.score(input, k: 1)
        #expect(firstOne.samples.entries[0].samples.map(\.score) == [0.2, nil, nil])
    }
}
