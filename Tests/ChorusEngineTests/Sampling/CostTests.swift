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
        #expect(Cost(recordedBy: samples) == Cost(calls: 2, promptTokens: 80, completionTokens: 39, wallSeconds: 0))
        #expect(Cost(recordedBy: [Sample]()) == .zero)
    }

    @Test func wallTimeIsTheUnionOfTheResponsesIntervals() {
        // Two overlapping requests (finished at 10 and 11, 4 s and 3 s long: 6 s to 11 s), the
        // n = 2 samples of one of them, a request after an idle gap (20 to 21), and samples
        // without a latency or a finish time, which are left out.
        let samples = [
            Sample(text: "a", promptTokens: 5, latency: 4), Sample(text: "b", promptTokens: 0, latency: 4),
            Sample(text: "c", promptTokens: 5, latency: 3), Sample(text: "d", promptTokens: 5, latency: 1),
            Sample(text: "e", promptTokens: 5), Sample(text: "f", promptTokens: 5, latency: 9),
        ]
        let cost = Cost(recordedBy: samples, finishedAt: [10, 10, 11, 21, 30, nil])
        #expect(cost.wallSeconds == 6)
        #expect(cost.calls == 5)
        #expect(Cost.unionLength([]) == 0)
        #expect(Cost.unionLength([(0, 2), (1, 3), (5, 6)]) == 4)
    }
}
