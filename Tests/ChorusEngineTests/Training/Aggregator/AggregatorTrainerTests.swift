import Testing

@testable import ChorusEngine

@Suite struct AggregatorTrainerTests {
    /// Problems where the right answer is always the minority one that came first: majority vote
    /// is always wrong, and a policy that learns position over votes is always right.
    static func minorityFirst(_ count: Int, offset: Int = 0) -> [GradedProblem] {
        TrainingFixtures.set((0..<count).map { _ in ["1", "5", "5"] }).1.problems
    }

    @Test func learnsWhatMajorityVoteCannotAndReportsBoth() throws {
        let problems = Self.minorityFirst(40)
        let (model, report) = try AggregatorTrainer(steps: 60, batchSize: 16, seed: 3)
            .train(name: "first", train: Array(problems.prefix(30)), heldOut: Array(problems.suffix(10)))
        #expect(report.curve.count == 60)
        #expect(report.curve.first! < 0.7)
        #expect(report.curve.suffix(10).reduce(0, +) / 10 > 0.9)
        #expect(report.heldOutAccuracy == 1)
        #expect(report.heldOutMajority == 0)
        #expect(report.heldOutOracle == 1)
        #expect(report.decisiveProblems == 30)
        #expect(model.choose(problems[0]) == 0)
    }

    @Test func theSameSeedTrainsTheSameWeights() throws {
        let problems = Self.minorityFirst(12)
        let first = try AggregatorTrainer(steps: 10, seed: 5).train(name: "a", train: problems, heldOut: problems).0
        let second = try AggregatorTrainer(steps: 10, seed: 5).train(name: "a", train: problems, heldOut: problems).0
        #expect(first == second)
    }

    @Test func softmaxAndDrawAreProbabilities() {
        let policy = AggregatorTrainer.softmax([0, 0, 1000])
        #expect(policy[2] > 0.999 && abs(policy.reduce(0, +) - 1) < 1e-12)
        var random = SplitMix64(seed: 1)
        #expect((0..<100).allSatisfy { _ in AggregatorTrainer.draw([0, 1, 0], &random) == 1 })
    }
}
