import Testing

@testable import ChorusEngine

@Suite struct ProblemAnswersTests {
    /// Grades `texts` as the samples of one problem with gold `gold`; a text ending in `|cut` finished at `length`.
    static func graded(_ texts: [String], gold: String, id: String = "p") -> GradedProblem {
        let samples = texts.map { text in
            text.hasSuffix("|cut") ? Sample(text: String(text.dropLast(4)), finishReason: "length") : Sample(text: text)
        }
        return AnswerClassifier().grade(Problem(id: id, question: "q", goldAnswer: gold, source: "t"), samples: samples)
    }

    /// The answers of a problem under a k-sample vote.
    static func answers(_ texts: [String], gold: String, k: Int? = nil, id: String = "p") throws -> ProblemAnswers {
        let problem = graded(texts, gold: gold, id: id)
        return ProblemAnswers(problem, decision: try MajorityVote(k: k).decide(problem), firstK: k)
    }

    @Test func classesAreCountedMostVotesFirst() throws {
        let answers = try Self.answers(["\\boxed{41}", "\\boxed{42}", "\\boxed{42}", "\\boxed{42.0}"], gold: "42")
        #expect(answers.classesText == "42×3, 41×1")
        #expect(answers.classes.map(\.isCorrect) == [true, false])
        #expect(answers.pick == "42")
        #expect(answers.pickIsCorrect)
        #expect(answers.anyCorrect)
        #expect(answers.candidates == 4)
        #expect(!answers.isTied)
    }

    @Test func equalCountsKeepTheOrderOfFirstAppearance() throws {
        let answers = try Self.answers(["\\boxed{1}", "\\boxed{2}", "\\boxed{2}", "\\boxed{1}"], gold: "2")
        #expect(answers.classesText == "1×2, 2×2")
        #expect(answers.isTied)
        #expect(answers.pick == "1", "the vote breaks the tie for the class seen first")
        #expect(!answers.pickIsCorrect)
        #expect(answers.anyCorrect)
    }

    @Test func onlyTheFirstKSamplesCount() throws {
        let answers = try Self.answers(["\\boxed{3}", "\\boxed{4}", "\\boxed{4}", "\\boxed{4}"], gold: "3", k: 2)
        #expect(answers.classesText == "3×1, 4×1")
        #expect(answers.candidates == 2)
        #expect(answers.pick == "3")
    }

    @Test func truncatedAndUnparseableAreCountedApart() throws {
        let answers = try Self.answers(
            ["\\boxed{7}", "so far we have \\boxed{7", "no idea", "\\boxed{9}|cut"], gold: "7")
        #expect(answers.classesText == "7×1")
        #expect(answers.truncated == 2)
        #expect(answers.unparseable == 1)
    }

    @Test func noParseableAnswerGivesNoPick() throws {
        let answers = try Self.answers(["no idea", "\\boxed{5"], gold: "5")
        #expect(answers.classesText == "")
        #expect(answers.pick == nil)
        #expect(!answers.pickIsCorrect)
        #expect(!answers.anyCorrect)
    }
}
