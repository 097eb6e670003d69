import Testing

@testable import ChorusEngine

/// Plays back fixed values, so a bootstrap's draws are known in advance.
struct FixedSequenceGenerator: RandomNumberGenerator {
    var values: [UInt64]
    var position = 0

    mutating func next() -> UInt64 {
        defer { position = (position + 1) % values.count }
        return values[position]
    }
}

@Suite struct BootstrapIntervalTests {
    @Test func handComputedInterval() throws {
        // Two resamples of two problems draw indices 0,0 then 1,1: means 0 and 1.
        var generator = FixedSequenceGenerator(values: [0, 0, 1, 1])
        let estimate = try #require(BootstrapInterval.estimate([0, 1], resamples: 2, using: &generator))
        #expect(estimate.value == 0.5)
        #expect(abs(estimate.lower - 0.025) < 1e-12)
        #expect(abs(estimate.upper - 0.975) < 1e-12)
    }

    @Test func constantScoresHaveAZeroWidthInterval() throws {
        var generator = FixedSequenceGenerator(values: [7, 3, 11, 5])
        let estimate = try #require(BootstrapInterval.estimate([1, 1, 1], using: &generator))
        #expect(estimate == Estimate(value: 1, lower: 1, upper: 1))
    }

    @Test func sameDrawsGiveTheSameInterval() throws {
        let scores = (0..<50).map { Double($0 % 3 == 0 ? 1 : 0) }
        var first = FixedSequenceGenerator(values: (0..<97).map { UInt64($0 * 7919) })
        var second = first
        let a = try #require(BootstrapInterval.estimate(scores, using: &first))
        let b = try #require(BootstrapInterval.estimate(scores, using: &second))
        #expect(a == b)
        #expect(a.lower <= a.value && a.value <= a.upper)
        #expect(a.lower < a.upper)
    }

    @Test func emptyScoresHaveNoEstimate() {
        var generator = FixedSequenceGenerator(values: [1])
        #expect(BootstrapInterval.estimate([], using: &generator) == nil)
    }
}
