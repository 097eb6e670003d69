import ChorusTestSupport
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
        let text =
            prompt.contains("garble")
            ? "hmm" : prompt.contains("\\boxed{2}") ? "fine <score>9</score>" : "<score> 2 </score>"
        return CompletionResponse(
            samples: [Sample(text: text, promptTokens: 30, completionTokens: 4)], cost: Cost(calls: 1))
    }
}

/// A reward model that rewards a solution ending in `\\boxed{2}` with 1 and any other with −1.
final class BoxedTwoRewardModel: ModelClient {
    let identity = "fake:reward"
    let conversations = Mutex<[[ChatMessage]]>([])

    func complete(_ request: CompletionRequest) async throws -> CompletionResponse {
        guard case .reward(let messages) = request.prompt else { throw CancellationError() }
        conversations.withLock { $0.append(messages) }
        let score = messages.last?.content.hasSuffix("\\boxed{2}") == true ? 1.0 : -1.0
        return CompletionResponse(
            samples: [Sample(text: String(score), promptTokens: 20, score: score)], cost: Cost(calls: 1))
    }
}

@Suite struct SampleScorerTests {
    @Test func readsTheLastScoreOutOfTen() {
        #expect(SampleScorer.score(in: "<score>3</score> then <score>7.5</score>") == 0.75)
        #expect(SampleScorer.score(in: "<score>11</score>") == nil)
        #expect(SampleScorer.score(in: "<score>high</score>") == nil)
        #expect(SampleScorer.score(in: "no tag") == nil)
    }

    @Test func scoresEverySampleAndStoresTheJudgements() async throws {
        let problem = Problem(id: "p", question: "1+1?", goldAnswer: "2", source: "hand")
        let input = SampleSet(
            name: "s",
            entries: [
                SampleSet.Entry(
                    problem: problem,
                    samples: [Sample(text: "\\boxed{3}"), Sample(text: "\\boxed{2}"), Sample(text: "garble")])
            ])
        let store = InMemorySampleStore()
        let judge = KeywordJudge()
        let scorer = SampleScorer(
            client: judge, store: store, parameters: SamplingParameters(n: 1, temperature: 0, seed: 1))
        let outcome = try await scorer.score(input)
        #expect(outcome.samples.entries[0].samples.map(\.score) == [0.2, 0.9, nil])
        #expect(outcome.unreadable == 1)
        #expect(outcome.drawn == 3)
        #expect(outcome.samples.cost == Cost(calls: 3, promptTokens: 90, completionTokens: 12))
        let again = try await SampleScorer(
            client: judge, store: store, parameters: SamplingParameters(n: 1, temperature: 0, seed: 1)
        )
        .score(input)
        #expect(again.reused == 3)
        #expect(judge.calls.withLock { $0 } == 3)
        // Only the first k.
        let firstOne = try await scorer.score(input, k: 1)
        #expect(firstOne.samples.entries[0].samples.map(\.score) == [0.2, nil, nil])
    }

    @Test func aRewardModelScoresTheConversationTheSampleAnswered() async throws {
        let problem = Problem(id: "p", question: "1+1?", goldAnswer: "2", source: "hand")
        let input = SampleSet(
            name: "s",
            entries: [
                SampleSet.Entry(problem: problem, samples: [Sample(text: "\\boxed{3}"), Sample(text: "\\boxed{2}")])
            ])
        let store = InMemorySampleStore()
        let model = BoxedTwoRewardModel()
        let scorer = SampleScorer(
            client: model, store: store, rater: .rewardModel, parameters: SamplingParameters(n: 1))
        #expect(scorer.parameters.rewardModel && scorer.parameters.keyDocument != SamplingParameters(n: 1).keyDocument)
        let outcome = try await scorer.score(input)
        #expect(outcome.samples.entries[0].samples.map(\.score) == [-1.0, 1.0])
        #expect(outcome.unreadable == 0 && outcome.drawn == 2)
        let conversation = try #require(model.conversations.withLock { $0.first })
        #expect(conversation.map(\.role) == ["system", "user", "assistant"])
        #expect(conversation.last?.content == "\\boxed{3}")
        #expect(try await scorer.score(input).reused == 2)
    }
}
