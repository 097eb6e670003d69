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

    @Test func roundTripsThroughJSON() throws {
        let cost = Cost(calls: 3, promptTokens: 4, completionTokens: 5, wallSeconds: 6.5)
        let data = try JSONEncoder().encode(cost)
        #expect(try JSONDecoder().decode(Cost.self, from: data) == cost)
    }
}
