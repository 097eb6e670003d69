import Testing

@testable import ChorusEngine

@Suite struct TrainingSplitTests {
    @Test func holdsOutExactlyTheAskedShareAndIsStableForASeed() {
        let ids = (0..<48).map { "problem-\($0)" }
        let parts = TrainingSplit(testFraction: 0.3, seed: 3).parts(for: ids)
        #expect(parts.count == 48)
        #expect(parts.values.count { $0 == .test } == 14)  // 48 × 0.3 = 14.4
        #expect(TrainingSplit(testFraction: 0.3, seed: 3).parts(for: ids.reversed()) == parts)
        #expect(TrainingSplit(testFraction: 0.3, seed: 4).parts(for: ids) != parts)
    }

    @Test func noShareKeepsEverythingForTrainingAndRepeatedIdsAreOneProblem() {
        #expect(
            TrainingSplit(testFraction: 0).parts(for: (0..<100).map { "p\($0)" }).values.allSatisfy { $0 == .train })
        let parts = TrainingSplit(testFraction: 0.5).parts(for: ["a", "a", "b", "b"])
        #expect(parts.count == 2 && parts.values.count { $0 == .test } == 1)
    }
}
