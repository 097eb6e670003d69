import ChorusTestSupport
import Testing

@testable import ChorusEngine

@Suite struct PromptRoundsTests {
    @Test func addsUpWhatEveryRoundReusedDrewAndSpent() async throws {
        let model = CandidateCountingModel()
        let store = InMemorySampleStore()
        let problems = try Dataset.builtIn(named: "arithmetic", count: 2, seed: 1).problems
        let prompt = { (text: String) in [ChatMessage(role: "user", content: text)] }
        var rounds = PromptRounds(
            sampler: Sampler(client: model, store: store),
            parameters: SamplingParameters(n: 1, temperature: 0, maxTokens: 8, seed: 1),
            name: "rounds")
        let first = try await rounds.run(problems, prompts: [prompt("a"), prompt("b")], progress: { _ in })
        let second = try await rounds.run([problems[0]], prompts: [prompt("a")], progress: { _ in })
        #expect(first.map(\.samples.count) == [1, 1] && second.map(\.samples.count) == [1])
        #expect(first.map(\.origins.count) == [1, 1])
        #expect(rounds.drawn == 2 && rounds.reused == 1)
        #expect(rounds.spent.calls == 2)
        #expect(try await rounds.run([], prompts: [], progress: { _ in }).isEmpty)
    }
}
