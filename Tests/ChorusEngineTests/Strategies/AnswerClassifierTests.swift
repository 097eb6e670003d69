import Testing

@testable import ChorusEngine

@Suite struct AnswerClassifierTests {
    static func problem(_ id: String = "p1", gold: String) -> Problem {
        Problem(id: id, question: "What is it?", goldAnswer: gold, source: "test")
    }

    static func graded(_ texts: [String], gold: String, id: String = "p1") -> GradedProblem {
        AnswerClassifier().grade(problem(id, gold: gold), samples: texts.map { Sample(text: $0) })
    }

    /// 0: 1/2 (correct), 1: 0.5 (same class), 2: 3 (wrong), 3: nothing found, 4: \frac{1}{2}, 5: a box that does not parse.
    static let mixed = [
        "so \\boxed{1/2}", "\\boxed{0.5}", "\\boxed{3}", "I cannot tell", "\\boxed{\\frac{1}{2}}", "\\boxed{#}",
    ]

    @Test func equivalentAnswersShareAClassInOrderOfFirstAppearance() {
        let problem = Self.graded(Self.mixed, gold: "0.5")
        #expect(problem.classes.count == 2)
        #expect(problem.classes[0] == AnswerClass(answer: "1/2", members: [0, 1, 4], isCorrect: true))
        #expect(problem.classes[1] == AnswerClass(answer: "3", members: [2], isCorrect: false))
        #expect(problem.graded.map(\.classIndex) == [0, 0, 1, nil, 0, nil])
        #expect(problem.goldIsParseable)
        #expect(problem.samples.map(\.text) == Self.mixed)
        #expect(problem.problem.id == "p1")
    }

    @Test func unparseableAnswersKeepWhatWasExtracted() {
        let problem = Self.graded(Self.mixed, gold: "0.5")
        #expect(problem.graded[3].extracted == nil)
        #expect(problem.graded[5].extracted?.text == "#")
        #expect(problem.graded[5].classIndex == nil)
        #expect(problem.graded[1].extracted?.text == "0.5")
    }

    @Test func correctnessOfSamplesFollowsTheirClass() {
        let problem = Self.graded(Self.mixed, gold: "0.5")
        #expect((0..<6).map(problem.isCorrect) == [true, true, false, false, true, false])
    }

    @Test func goldDecidesWhichClassIsCorrect() {
        let problem = Self.graded(Self.mixed, gold: "3")
        #expect(problem.classes.map(\.isCorrect) == [false, true])
        #expect((0..<6).map(problem.isCorrect) == [false, false, true, false, false, false])
    }

    @Test func approximateAnswersJoinAnExactClassWithinTolerance() {
        let problem = Self.graded(["\\boxed{\\sqrt{2}}", "\\boxed{1.4142136}", "\\boxed{1.4142}"], gold: "\\sqrt2")
        #expect(problem.classes.map(\.members) == [[0, 1], [2]])
        #expect(problem.classes.map(\.isCorrect) == [true, false])
    }

    @Test func anUnparseableGoldMatchesNothingThatParses() {
        let problem = Self.graded(["\\boxed{7}", "\\boxed{7}"], gold: "3 + * 4")
        #expect(!problem.goldIsParseable)
        #expect(problem.classes == [AnswerClass(answer: "7", members: [0, 1], isCorrect: false)])
    }

    @Test func noSamplesGiveNoClasses() {
        let problem = Self.graded([], gold: "1")
        #expect(problem.classes.isEmpty)
        #expect(problem.graded.isEmpty)
        #expect(
            problem.outcome() == ProblemOutcome(correct: 0, wrongClassSizes: [], unparseable: 0, correctInOrder: []))
    }

    @Test func outcomeOfAllSamples() {
        let problem = Self.graded(Self.mixed, gold: "0.5")
        #expect(
            problem.outcome()
                == ProblemOutcome(
                    correct: 3, wrongClassSizes: [1], unparseable: 2,
                    correctInOrder: [true, true, false, false, true, false]))
        #expect(problem.outcome(firstK: 100) == problem.outcome())
    }

    @Test func outcomeOfTheFirstKSamples() {
        let problem = Self.graded(Self.mixed, gold: "0.5")
        #expect(
            problem.outcome(firstK: 3)
                == ProblemOutcome(
                    correct: 2, wrongClassSizes: [1], unparseable: 0, correctInOrder: [true, true, false]))
        // The wrong class has no member among the first two, so it is not listed with size 0.
        #expect(
            problem.outcome(firstK: 2)
                == ProblemOutcome(correct: 2, wrongClassSizes: [], unparseable: 0, correctInOrder: [true, true]))
        #expect(
            problem.outcome(firstK: 4)
                == ProblemOutcome(
                    correct: 2, wrongClassSizes: [1], unparseable: 1, correctInOrder: [true, true, false, false]))
    }

    @Test func wrongClassesAreListedInOrderOfAppearance() {
        let problem = Self.graded(["\\boxed{4}", "\\boxed{9}", "\\boxed{9}", "\\boxed{2}", "\\boxed{9}"], gold: "2")
        #expect(
            problem.outcome()
                == ProblemOutcome(
                    correct: 1, wrongClassSizes: [1, 3], unparseable: 0,
                    correctInOrder: [false, false, false, true, false]))
    }

    @Test func gradingASetKeepsNameCostAndProblemOrder() throws {
        let set = SampleSet(
            name: "mine",
            entries: [
                SampleSet.Entry(problem: Self.problem("b", gold: "2"), samples: [Sample(text: "\\boxed{2}")]),
                SampleSet.Entry(problem: Self.problem("a", gold: "5"), samples: [Sample(text: "#### 4")]),
            ],
            cost: Cost(calls: 3, promptTokens: 10, completionTokens: 20, wallSeconds: 1.5))
        let graded = try AnswerClassifier().grade(set)
        #expect(graded.name == "mine")
        #expect(graded.cost == Cost(calls: 3, promptTokens: 10, completionTokens: 20, wallSeconds: 1.5))
        #expect(graded.problems.map(\.problem.id) == ["b", "a"])
        #expect(graded.problems.map { $0.isCorrect(0) } == [true, false])
    }

    @Test func gradingStopsWhenTheTaskIsCancelled() async {
        let set = SampleSet(
            name: "s", entries: [SampleSet.Entry(problem: Self.problem(gold: "1"), samples: [Sample(text: "1")])])
        let task = Task {
            while !Task.isCancelled { await Task.yield() }
            return try AnswerClassifier().grade(set)
        }
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
    }

    @Test func strictExtractionLeavesBareNumbersUnparseable() {
        let classifier = AnswerClassifier(grader: Grader(extraction: .strict))
        let problem = classifier.grade(Self.problem(gold: "5"), samples: [Sample(text: "5"), Sample(text: "#### 5")])
        #expect(problem.graded.map(\.classIndex) == [nil, 0])
        #expect(problem.classes == [AnswerClass(answer: "5", members: [1], isCorrect: true)])
    }

    @Test func truncatedSamplesJoinNoClassAndAreCountedApart() {
        let samples = [
            Sample(text: "\\boxed{5}", finishReason: "stop"),
            Sample(text: "\\boxed{5} and then", finishReason: "length"),
            Sample(text: "so \\boxed{4} or \\boxed{5"),
            Sample(text: "\\boxed{6}"),
        ]
        let problem = AnswerClassifier().grade(Self.problem(gold: "5"), samples: samples)
        #expect(problem.graded.map(\.classIndex) == [0, nil, nil, 1])
        #expect(problem.graded.map(\.isTruncated) == [false, true, true, false])
        #expect(problem.graded.map(\.isUnparseable) == [false, false, false, false])
        #expect(problem.graded[2].extracted?.text == "4")
        let outcome = problem.outcome()
        #expect(
            outcome
                == ProblemOutcome(
                    correct: 1, wrongClassSizes: [1], unparseable: 0, truncated: 2,
                    correctInOrder: [true, false, false, false]))
        #expect(outcome.sampleCount == 4)
        // Truncated samples never vote: maj@4 counts them like unparseable ones.
        #expect(
            outcome.majorityAt(4)
                == MajorityAtK.expectation(correctVotes: 1, otherClassSizes: [1], unparseable: 2, k: 4))
        let set = GradedSampleSet(name: "s", problems: [problem], cost: .zero)
        #expect(set.truncatedCount == 2 && set.unparseableCount == 0)
    }

    @Test func truncatedSamplesAreGradedWhenThePolicySaysSo() {
        let samples = [Sample(text: "\\boxed{5} and then", finishReason: "length"), Sample(text: "\\boxed{4")]
        let problem = AnswerClassifier(truncation: .grade).grade(Self.problem(gold: "5"), samples: samples)
        #expect(problem.graded.map(\.isTruncated) == [false, false])
        #expect(problem.isCorrect(0))
        // Graded as usual, the unclosed box is skipped and the fallback reads the 4.
        #expect(
            problem.graded[1].extracted
                == ExtractedAnswer(text: "4", method: .lastNumber, endsInsideUnclosedAnswer: true))
        #expect(!problem.isCorrect(1))
    }

    /// A response repeated word for word is read once, yet lands where its first reading did; the
    /// same text cut off (`length`) is still counted apart.
    @Test func repeatedResponsesAreGradedAsTheirFirstReading() {
        let texts = ["\\boxed{5}", "\\boxed{4}", "\\boxed{5}", "I cannot tell", "\\boxed{4}", "I cannot tell"]
        var samples = texts.map { Sample(text: $0, finishReason: "stop") }
        samples.append(Sample(text: "\\boxed{5}", finishReason: "length"))
        let problem = AnswerClassifier().grade(Self.problem(gold: "5"), samples: samples)
        #expect(problem.classes.map(\.members) == [[0, 2], [1, 4]])
        #expect(problem.graded.map(\.classIndex) == [0, 1, 0, nil, 1, nil, nil])
        #expect(problem.graded.map(\.isTruncated) == [false, false, false, false, false, false, true])
        #expect(problem.graded[2].extracted == problem.graded[0].extracted)
        let one = { (text: String) in AnswerClassifier().grade(Self.problem(gold: "5"), samples: [Sample(text: text)]) }
        #expect(problem.graded[4].extracted == one("\\boxed{4}").graded[0].extracted)
    }
}
