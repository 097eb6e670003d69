import Testing

@testable import ChorusEngine

@Suite struct RefinementMetricsTests {
    @Test func handComputedGapRecoveredAndLost() throws {
        let comparison = try #require(
            RefinementComparison(
                strategyCorrect: [true, true, false, true],
                majorityScores: [1, 0, 1, 0.5],
                anyCandidateCorrect: [true, false, true, true]))
        // accuracy 3/4, majority (1 + 0 + 1 + 0.5) / 4 = 0.625
        #expect(abs(comparison.gap - 0.125) < 1e-12)
        #expect(comparison.recoveredWhenAllWrong == 1)
        #expect(comparison.lostWhenMajorityRight == 1)
        #expect(comparison.problems == 4)
    }

    @Test func mismatchedLengthsAreRejected() {
        #expect(RefinementComparison(strategyCorrect: [true], majorityScores: [], anyCandidateCorrect: [true]) == nil)
        #expect(RefinementComparison(strategyCorrect: [], majorityScores: [], anyCandidateCorrect: []) == nil)
    }
}
