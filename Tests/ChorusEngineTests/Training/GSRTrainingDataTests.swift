import Testing

@testable import ChorusEngine

@Suite struct GSRTrainingDataTests {
    @Test func mixesDirectAndRefinementRowsAtTheAskedShare() throws {
        let (set, graded) = TrainingFixtures.set((0..<20).map { _ in ["1", "2", "1", "2"] })
        let data = try GSRTrainingData(
            selection: CandidateSelection(k: 2, subsets: 3), refineShare: 0.25, split: TrainingSplit(testFraction: 0)
        ).build(from: graded, samples: set, targets: false)
        #expect(data.count(of: .solve) == 20)
        #expect(data.count(of: .refine) == 7)  // 20 × 0.25 / 0.75, rounded
        #expect(data.report.droppedByMix == 60 - 7)
        #expect(data.examples.allSatisfy { $0.answerFormat == .boxed })
        let direct = data.examples.first { $0.kind == .solve }!
        #expect(direct.messages == PromptTemplate.standard.messages(for: direct.problem))
    }

    @Test func sftRowsCarryACorrectSampleAndProblemsWithoutOneAreDropped() throws {
        let (set, graded) = TrainingFixtures.set([["2", "1"], ["3", "4"]])
        let data = try GSRTrainingData(
            selection: CandidateSelection(k: 2), refineShare: 0.5, split: TrainingSplit(testFraction: 0)
        ).build(from: graded, samples: set, targets: true)
        #expect(data.examples.map(\.problem.id) == ["p0", "p0"])
        #expect(data.examples.allSatisfy { $0.target == "Working it out.\n\\boxed{1}" })
        #expect(data.report.withoutTarget == 2)
    }

    @Test func refinementTargetsComeFromTheRefinedSetWhenGiven() throws {
        let (set, graded) = TrainingFixtures.set([["2", "3"]])
        let (_, refined) = TrainingFixtures.set([["1"]])
        let data = try GSRTrainingData(
            selection: CandidateSelection(k: 2), refineShare: 1, split: TrainingSplit(testFraction: 0)
        ).build(from: graded, samples: set, targets: true, refined: refined)
        #expect(data.examples.map(\.kind) == [.refine])
        #expect(data.examples[0].target == "Working it out.\n\\boxed{1}")
        #expect(data.examples[0].anyCorrect == false)
    }

    @Test func aShareOfZeroOrOneKeepsOneKind() {
        let solve = TrainingExample(
            problem: Problem(id: "a", question: "q", goldAnswer: "1", source: "t"), kind: .solve, messages: [],
            split: .train, answerFormat: .boxed)
        let refine = TrainingExample(
            problem: Problem(id: "a", question: "q", goldAnswer: "1", source: "t"), kind: .refine, messages: [],
            split: .train, answerFormat: .boxed)
        #expect(GSRTrainingData.mixed(direct: [solve], refine: [refine], share: 0, seed: 1).refine.isEmpty)
        #expect(GSRTrainingData.mixed(direct: [solve], refine: [refine], share: 1, seed: 1).direct.isEmpty)
    }
}
