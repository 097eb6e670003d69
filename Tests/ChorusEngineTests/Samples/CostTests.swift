import Foundation
import Testing

@testable import ChorusEngine

@Suite struct CostTests {
    @Test func zeroIsTheDefault() {
        #expect(Cost() == Cost.zero)
        #expect(Cost.zero.calls == 0)
        #expect(Cost.zero.promptTokens == 0)
        #expect(Cost.zero.completionTokens == 0)
        #expect(Cost.zero.wallSeconds == 0)
        #expect(Cost.zero.totalTokens == 0)
    }

    @Test func costsAddFieldByField() {
        let sum =
            Cost(calls: 1, promptTokens: 10, completionTokens: 100, wallSeconds: 0.5)
            + Cost(calls: 2, promptTokens: 20, completionTokens: 200, wallSeconds: 1.25)
        #expect(sum == Cost(calls: 3, promptTokens: 30, completionTokens: 300, wallSeconds: 1.75))
        #expect(sum + .zero == sum)
    }

    @Test func totalTokensArePromptPlusCompletion() {
        #expect(Cost(promptTokens: 7, completionTokens: 5).totalTokens == 12)
        #expect(Cost(calls: 4, wallSeconds: 9).totalTokens == 0)
    }

    @Test func recordedCostCountsOneCallPerResponse() {
        // A native n = 3 response (prompt billed to its first sample), a single request, and a sample
        // with no usage (replayed or hand-written), which made no call.
        let samples = [
            Sample(text: "a", promptTokens: 40, completionTokens: 10, latency: 2),
            Sample(text: "b", promptTokens: 0, completionTokens: 12, latency: 2),
            Sample(text: "c", promptTokens: 0, completionTokens: 8, latency: 2),
            Sample(text: "d", promptTokens: 40, completionTokens: 9, latency: 1.5),
            Sample(text: "e"),
        ]
        // Each response's latency counts once: 2 s for the n = 3 response, 1.5 s for the single one.
        #expect(
            Cost(recordedBy: samples)
                == Cost(calls: 2, promptTokens: 80, completionTokens: 39, wallSeconds: 0, modelSeconds: 3.5))
        #expect(Cost(recordedBy: [Sample]()) == .zero)
    }

    @Test func roundTripsThroughJSON() throws {
        let cost = Cost(calls: 3, promptTokens: 4, completionTokens: 5, wallSeconds: 6.5, modelSeconds: 2.25)
        let data = try JSONEncoder().encode(cost)
        #expect(try JSONDecoder().decode(Cost.self, from: data) == cost)
    }
}
