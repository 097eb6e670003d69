import Foundation
import Testing

@testable import ChorusEngine

@Suite struct MajorityVoteTests {
    static func graded(_ samples: [Sample], gold: String, id: String = "p1") -> GradedProblem {
        AnswerClassifier().grade(
            Problem(id: id, question: "What is it?", goldAnswer: gold, source: "test"), samples: samples)
    }

    static func graded(_ texts: [String], gold: String, id: String = "p1") -> GradedProblem {
        graded(texts.map { Sample(text: $0) }, gold: gold, id: id)
    }

    /// A sample set's entry: problem `id` (question "q", source "t") with its samples.
    static func entry(_ id: String, gold: String, _ samples: [Sample]) -> SampleSet.Entry {
        SampleSet.Entry(problem: Problem(id: id, question: "q", goldAnswer: gold, source: "t"), samples: samples)
    }

    static func boxed(_ answer: String, score: Double? = nil, logProbability: Double? = nil) -> Sample {
        Sample(text: "\\boxed{\(answer)}", meanLogProbability: logProbability, score: score)
    }

    @Test func theLargestClassWins() throws {
        let decision = try MajorityVote().decide(Self.graded(["\\boxed{3}", "\\boxed{5}", "\\boxed{5.0}"], gold: "5"))
        #expect(decision == StrategyDecision(problemID: "p1", answer: "5", isCorrect: true))
    }

    @Test func aSubsetVotesAmongItselfAndItsOwnOrderBreaksTies() throws {
        let problem = Self.graded(["\\boxed{3}", "\\boxed{5}", "\\boxed{3}", "\\boxed{7}"], gold: "5")
        #expect(try MajorityVote().winningClass(of: problem, among: [1, 3]) == 1)
        #expect(try MajorityVote().winningClass(of: problem, among: [3, 1]) == 2)
        #expect(try MajorityVote().winningClass(of: problem, among: [0, 1, 2]) == 0)
        #expect(try MajorityVote().winningClass(of: problem, among: []) == nil)
    }

    @Test func aWrongMajorityIsWrong() throws {
        let decision = try MajorityVote().decide(Self.graded(["\\boxed{3}", "\\boxed{5}", "\\boxed{3}"], gold: "5"))
        #expect(decision == StrategyDecision(problemID: "p1", answer: "3", isCorrect: false))
    }

    @Test func theWinnerIsWrittenAsItsFirstMember() throws {
        let decision = try MajorityVote().decide(
            Self.graded(["\\boxed{7}", "\\boxed{0.5}", "\\boxed{1/2}", "\\boxed{\\frac12}"], gold: "1/2"))
        #expect(decision == StrategyDecision(problemID: "p1", answer: "0.5", isCorrect: true))
    }

    @Test func equalCountsGoToTheClassThatAppearedFirst() throws {
        let first = try MajorityVote().decide(
            Self.graded(["\\boxed{3}", "\\boxed{5}", "\\boxed{5}", "\\boxed{3}"], gold: "5"))
        #expect(first.answer == "3")
        let swapped = try MajorityVote().decide(
            Self.graded(["\\boxed{5}", "\\boxed{3}", "\\boxed{3}", "\\boxed{5}"], gold: "5"))
        #expect(swapped.answer == "5")
        #expect(swapped.isCorrect)
    }

    @Test func unparseableSamplesDoNotVote() throws {
        let decision = try MajorityVote().decide(
            Self.graded(["no idea", "\\boxed{#}", "\\boxed{3}", "still no idea", "\\boxed{@}"], gold: "5"))
        #expect(decision == StrategyDecision(problemID: "p1", answer: "3", isCorrect: false))
    }

    @Test func allUnparseableGivesNoAnswer() throws {
        let decision = try MajorityVote().decide(Self.graded(["no idea", "\\boxed{#}"], gold: "5"))
        #expect(decision == StrategyDecision(problemID: "p1", answer: nil, isCorrect: false))
        #expect(decision.isUnparseable)
        let none = try MajorityVote().decide(Self.graded([String](), gold: "5"))
        #expect(none.answer == nil)
    }

    @Test func kLimitsTheVoteToTheFirstKSamples() throws {
        let problem = Self.graded(["\\boxed{3}", "\\boxed{5}", "\\boxed{5}", "nothing"], gold: "5")
        #expect(try MajorityVote(k: 1).decide(problem).answer == "3")
        #expect(try MajorityVote(k: 2).decide(problem).answer == "3")
        #expect(try MajorityVote(k: 3).decide(problem).answer == "5")
        #expect(try MajorityVote(k: 10).decide(problem).answer == "5")
        #expect(try MajorityVote(k: nil).decide(problem).answer == "5")
    }

    @Test func onlyUnparseableAmongTheFirstKGivesNoAnswer() throws {
        let problem = Self.graded(["nothing", "\\boxed{5}"], gold: "5")
        #expect(try MajorityVote(k: 1).decide(problem).answer == nil)
        #expect(try MajorityVote(k: 2).decide(problem).answer == "5")
    }

    /// Score weighting against count weighting, the gold answer 5 throughout: (answers with their
    /// scores, the winner by score, the winner by count).
    @Test(
        arguments: [
            // A larger total beats more samples.
            ([("3", 0.5), ("5", 2.5), ("3", 0.5), ("3", 1)], "5", "3"),
            // Equal weights go to the class with more samples: 5 has weight 2 from one sample, 3 from two.
            ([("5", 2), ("3", 1), ("3", 1)], "3", "3"),
            // Equal weights and counts go to the earlier class.
            ([("8", 1.5), ("5", 1), ("5", 0.5), ("8", 0)], "8", "8"),
        ] as [([(String, Double)], String, String)])
    func scoreWeighting(scored: [(String, Double)], byScore: String, byCount: String) throws {
        let problem = Self.graded(scored.map { Self.boxed($0.0, score: $0.1) }, gold: "5")
        let decision = try MajorityVote(weighting: .score).decide(problem)
        #expect(decision == StrategyDecision(problemID: "p1", answer: byScore, isCorrect: byScore == "5"))
        #expect(try MajorityVote(weighting: .count).decide(problem).answer == byCount)
    }

    /// Log-probability weighting sums exp(mean log-probability): one 7 at 0.9 against two 6s at `six`.
    /// At 0.4, 0.8 loses to 0.9 (summing raw log-probabilities would pick 7 too); at 0.6, 1.2 beats
    /// 0.9, though log(0.9) > 2 log(0.6).
    @Test(arguments: [(0.4, "7"), (0.6, "6")])
    func logProbabilityWeightIsExpOfTheMean(six: Double, winner: String) throws {
        let problem = Self.graded(
            [
                Self.boxed("7", logProbability: log(0.9)), Self.boxed("6", logProbability: log(six)),
                Self.boxed("6", logProbability: log(six)),
            ],
            gold: "6")
        let decision = try MajorityVote(weighting: .logProbability).decide(problem)
        #expect(decision == StrategyDecision(problemID: "p1", answer: winner, isCorrect: winner == "6"))
    }

    @Test func countWeightingIgnoresScoresAndLogProbabilities() throws {
        let problem = Self.graded(
            [Self.boxed("7", score: 100, logProbability: 0), Self.boxed("6"), Self.boxed("6")], gold: "6")
        #expect(try MajorityVote(weighting: .count).decide(problem).answer == "6")
    }

    @Test func aSampleWithoutAScoreDoesNotVoteAndIsCounted() throws {
        let problem = Self.graded([Self.boxed("4"), Self.boxed("4"), Self.boxed("5", score: 0.1)], gold: "5", id: "q7")
        #expect(try MajorityVote(weighting: .score).decide(problem).answer == "5")
        let set = GradedSampleSet(name: "s", problems: [problem], cost: .zero)
        #expect(MajorityVote(weighting: .score).unweightedCount(in: set) == 2)
        #expect(MajorityVote(k: 1, weighting: .score).unweightedCount(in: set) == 1)
        #expect(MajorityVote(weighting: .count).unweightedCount(in: set) == 0)
    }

    @Test func aMissingLogProbabilityIsAnError() {
        let problem = Self.graded([Self.boxed("5")], gold: "5", id: "q8")
        #expect(
            throws: MajorityVote.Failure.missingWeight(problemID: "q8", sampleIndex: 0, weighting: .logProbability)
        ) {
            try MajorityVote(weighting: .logProbability).decide(problem)
        }
    }

    @Test func weightsAreOnlyNeededForVotingSamples() throws {
        // An unparseable sample and a sample beyond k need no score.
        let problem = Self.graded([Sample(text: "no idea"), Self.boxed("5", score: 1), Self.boxed("5")], gold: "5")
        let decision = try MajorityVote(k: 2, weighting: .score).decide(problem)
        #expect(decision == StrategyDecision(problemID: "p1", answer: "5", isCorrect: true))
    }

    @Test func weightingsHaveScriptNames() {
        #expect(VoteWeighting.allCases.map(\.rawValue) == ["count", "logprob", "score"])
    }

    @Test func runVotesOnEveryProblemAndKeepsTheCandidates() throws {
        let set = SampleSet(
            name: "s",
            entries: [
                Self.entry("a", gold: "1", ["\\boxed{1}", "\\boxed{2}", "\\boxed{1}"].map { Sample(text: $0) }),
                Self.entry("b", gold: "4", ["\\boxed{3}", "\\boxed{3}", "\\boxed{4}"].map { Sample(text: $0) }),
                Self.entry("c", gold: "4", ["none", "none", "none"].map { Sample(text: $0) }),
            ],
            cost: Cost(calls: 9, promptTokens: 90, completionTokens: 45, wallSeconds: 3))
        let graded = try AnswerClassifier().grade(set)
        let result = try MajorityVote(k: 3).run(on: graded, name: "maj@3")
        #expect(result.name == "maj@3")
        #expect(result.k == 3)
        #expect(result.cost == set.cost)
        #expect(
            result.decisions == [
                StrategyDecision(problemID: "a", answer: "1", isCorrect: true),
                StrategyDecision(problemID: "b", answer: "3", isCorrect: false),
                StrategyDecision(problemID: "c", answer: nil, isCorrect: false),
            ])
        #expect(result.candidates.problems.map(\.problem.id) == ["a", "b", "c"])
        #expect(abs(result.accuracy - 1.0 / 3) < 1e-12)
        #expect(result.unparseableCount == 1)
        #expect(try MajorityVote().run(on: graded, name: "all").k == nil)
    }

    @Test func aScoreWeightedRunOverASetWithNoScoresIsAnError() throws {
        let set = SampleSet(
            name: "s",
            entries: [
                Self.entry("a", gold: "1", [Self.boxed("1", score: 1)]),
                Self.entry("b", gold: "1", [Self.boxed("1")]),
            ])
        let graded = try AnswerClassifier().grade(set)
        // Some score: problem b's only voter has none, so b gets no answer.
        let result = try MajorityVote(weighting: .score).run(on: graded, name: "w")
        #expect(result.decisions.map(\.answer) == ["1", nil])
        // No score anywhere: the set was never scored.
        var unscored = set
        unscored.entries[0].samples[0].score = nil
        #expect(throws: MajorityVote.Failure.missingWeight(problemID: "a", sampleIndex: 0, weighting: .score)) {
            try MajorityVote(weighting: .score).run(on: try AnswerClassifier().grade(unscored), name: "w")
        }
    }

    @Test func runStopsWhenTheTaskIsCancelled() async throws {
        let set = SampleSet(
            name: "s",
            entries: [
                Self.entry("a", gold: "1", [Sample(text: "1")])
            ])
        let graded = try AnswerClassifier().grade(set)
        let task = Task {
            while !Task.isCancelled { await Task.yield() }
            return try MajorityVote().run(on: graded, name: "m")
        }
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
    }
}
