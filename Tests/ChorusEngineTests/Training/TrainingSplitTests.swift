import Testing

@testable import ChorusEngine

@Suite struct TrainingSplitTests {
    @Test func holdsOutAboutTheAskedShareAndIsStableForASeed() {
        let split = TrainingSplit(testFraction: 0.25, seed: 3)
        let ids = (0..<2000).map { "problem-\($0)" }
        let held = ids.filter { split.part(of: $0) == .test }.count
        #expect((400...600).contains(held))
        #expect(ids.map(split.part(of:)) == ids.map(TrainingSplit(testFraction: 0.25, seed: 3).part(of:)))
        #expect(ids.map(split.part(of:)) != ids.map(TrainingSplit(testFraction: 0.25, seed: 4).part(of:)))
    }

    @Test func noShareKeepsEverythingForTraining() {
        let split = TrainingSplit(testFraction: 0)
        #expect((0..<100).allSatisfy { split.part(of: "p\($0)") == .train })
    }
}
