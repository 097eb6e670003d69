import Testing

@testable import ChorusEngine

@Suite struct ProblemOutcomeTests {
    let outcome = ProblemOutcome(
        correct: 2, wrongClassSizes: [1, 1], unparseable: 1, correctInOrder: [false, false, true, false, true])

    @Test func countsAndPassAt1() {
        #expect(outcome.sampleCount == 5)
        #expect(outcome.passAt1 == 0.4)
    }

    @Test func oracleLooksAtTheFirstKSamples() {
        #expect(outcome.oracleAt(2) == 0)
        #expect(outcome.oracleAt(3) == 1)
        #expect(outcome.oracleAt(6) == nil)
    }

    @Test func passAndMajorityDelegate() throws {
        #expect(abs(try #require(outcome.passAt(2)) - 0.7) < 1e-12)
        #expect(abs(try #require(outcome.majorityAt(3)) - 17.0 / 30) < 1e-12)
    }
}
