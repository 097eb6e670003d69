import Testing

@testable import ChorusEngine

@Suite struct SSATrainingDataTests {
    @Test func eachRowIsTheAggregatePromptWithTheGoldAndWhetherItsMajorityIsRight() throws {
        let (set, graded) = TrainingFixtures.set([["1", "1", "2"], ["2", "2", "1"]])
        let data = try SSATrainingData(selection: CandidateSelection(k: 3), split: TrainingSplit(testFraction: 0))
            .build(from: graded, samples: set)
        #expect(data.examples.count == 2)
        let plan = CombinerPrompts(set, template: .ssa, selection: CandidateSelection(k: 3), budget: nil)
        #expect(data.examples.map(\.messages) == plan.prompts.map(\.messages))
        #expect(data.examples.map(\.majorityCorrect) == [true, false])
        #expect(data.examples.map(\.anyCorrect) == [true, true])
        #expect(data.examples.allSatisfy { $0.answerFormat == .answerTag && $0.kind == .aggregate && $0.target == nil })
        #expect(data.report.majorityRight == 1 && data.report.majorityWrong == 1)
    }

    @Test func balancingKeepsAsManyMajorityRightAsWrongTrainingRows() throws {
        let answers = (0..<10).map { $0 < 8 ? ["1", "1", "3"] : ["3", "3", "1"] }
        let (set, graded) = TrainingFixtures.set(answers)
        let data = try SSATrainingData(
            selection: CandidateSelection(k: 3), balance: true, split: TrainingSplit(testFraction: 0)
        ).build(from: graded, samples: set)
        #expect(data.examples.count { $0.majorityCorrect == true } == 2)
        #expect(data.examples.count { $0.majorityCorrect == false } == 2)
        #expect(data.report.droppedByBalance == 6)
    }

    @Test func promptsOverTheBudgetAreDroppedAndCounted() throws {
        let long = String(repeating: "9", count: 400)
        let (set, graded) = TrainingFixtures.set([["1", "1"], [long, "1"]])
        let data = try SSATrainingData(
            selection: CandidateSelection(k: 2), budget: CandidateBudget(maxTokens: 60, policy: .skip),
            split: TrainingSplit(testFraction: 0)
        ).build(from: graded, samples: set)
        #expect(data.examples.map(\.problem.id) == ["p0"])
        #expect(data.report.overBudget == 1)
    }

    @Test func subsetsGiveSeveralRowsPerProblemAndAProblemStaysInOneSplit() throws {
        let answers = (0..<30).map { _ in ["1", "2", "1", "3", "1"] }
        let (set, graded) = TrainingFixtures.set(answers)
        let data = try SSATrainingData(
            selection: CandidateSelection(k: 3, subsets: 3), split: TrainingSplit(testFraction: 0.3, seed: 2)
        ).build(from: graded, samples: set)
        #expect(data.examples.count == 90)
        for id in Set(data.examples.map(\.problem.id)) {
            #expect(Set(data.examples.filter { $0.problem.id == id }.map(\.split)).count == 1)
        }
        #expect(!data.rows(in: .test).isEmpty && !data.rows(in: .train).isEmpty)
        #expect(data.examples.prefix(data.rows(in: .train).count).allSatisfy { $0.split == .train })
    }
}
