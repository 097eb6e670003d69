import Testing

@testable import ChorusEngine

@Suite struct BestOfTests {
    static func graded(_ samples: [Sample], gold: String = "2") throws -> GradedSampleSet {
        let problem = Problem(id: "p", question: "Q", goldAnswer: gold, source: "hand")
        return try AnswerClassifier().grade(
            SampleSet(name: "s", entries: [SampleSet.Entry(problem: problem, samples: samples)]))
    }

    @Test func theHighestScoredAnswerWinsOverTheMajority() throws {
        let set = try Self.graded([
            Sample(text: "\\boxed{1}", score: 0.2), Sample(text: "\\boxed{1}", score: 0.3),
            Sample(text: "\\boxed{2}", score: 0.9),
        ])
        let result = try BestOf().run(on: set, name: "best@all")
        #expect(result.decisions == [StrategyDecision(problemID: "p", answer: "2", isCorrect: true)])
        // Among the first two only, 1 is the best there is.
        #expect(try BestOf(k: 2).run(on: set, name: "b").decisions[0].answer == "1")
    }

    @Test func tiesGoToTheEarlierSampleAndUnparseableAnswersArePassedOver() throws {
        let set = try Self.graded([
            Sample(text: "no answer here", score: 1.0), Sample(text: "\\boxed{3}", score: 0.5),
            Sample(text: "\\boxed{2}", score: 0.5),
        ])
        #expect(try BestOf().run(on: set, name: "b").decisions[0].answer == "3")
        let none = try Self.graded([Sample(text: "nothing", score: 1.0)])
        #expect(try BestOf().run(on: none, name: "b").decisions[0].isUnparseable)
    }

    @Test func anUnscoredSampleIsPassedOverAndCounted() throws {
        let set = try Self.graded([Sample(text: "\\boxed{2}", score: 0.5), Sample(text: "\\boxed{3}")])
        #expect(try BestOf().run(on: set, name: "b").decisions[0].answer == "2")
        #expect(BestOf().unscoredCount(in: set) == 1)
        #expect(BestOf(k: 1).unscoredCount(in: set) == 0)
    }

    @Test func aSetWithNoScoresAtAllIsAnError() throws {
        let set = try Self.graded([Sample(text: "\\boxed{2}"), Sample(text: "\\boxed{3}")])
        #expect(throws: BestOf.Failure.noScores) { try BestOf().run(on: set, name: "b") }
    }
}
