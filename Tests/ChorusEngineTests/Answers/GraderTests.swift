import Testing

@testable import ChorusEngine

@Suite struct GraderTests {
    private let grader = Grader()

    @Test(arguments: [
        ("Half of 10 is 5, so each gets $\\boxed{\\frac{5}{10}}$.", "0.5", GradeBucket.match),
        ("Total: 3 * 24 = 72.\n#### 72", "72", .match),
        ("So x = \\boxed{1,000}", "1000", .match),
        ("The answer is \\boxed{(B)}", "B", .match),
        ("The answer is \\boxed{C}", "B", .mismatch),
        ("The answer is \\boxed{71}", "72", .mismatch),
        ("We find \\boxed{2\\sqrt{2}}", "\\sqrt{8}", .match),
        ("<answer>50%</answer>", "\\frac{1}{2}", .match),
        ("I cannot solve this.", "5", .unparseable),
        ("\\boxed{3 + * 4}", "7", .unparseable),
        ("\\boxed{}", "7", .unparseable),
    ])
    func grades(response: String, gold: String, bucket: GradeBucket) {
        #expect(grader.grade(response: response, gold: gold).bucket == bucket)
    }

    @Test func gradeCarriesTheExtraction() {
        let grade = grader.grade(response: "it is 12 apples", gold: "12")
        #expect(grade == Grade(extracted: ExtractedAnswer(text: "12", method: .lastNumber), bucket: .match))
        #expect(grade.isCorrect)
    }

    @Test func onlyTheResponseIsGraded() {
        // A response with no answer of its own is unparseable, whatever the gold.
        #expect(grader.grade(response: "Let me think.", gold: "Let me think.").bucket == .unparseable)
    }

    @Test func unparseableGoldFallsBackToText() {
        #expect(grader.grade(response: "\\boxed{#1}", gold: "#1").bucket == .unparseable)
        #expect(grader.grade(response: "\\boxed{7}", gold: "@@").bucket == .mismatch)
    }

    @Test func preParsedGoldGradesTheSame() {
        let gold = GoldAnswer("\\frac{1}{2}")
        #expect(gold.parsed != nil)
        #expect(grader.grade(response: "\\boxed{0.5}", gold: gold).bucket == .match)
        #expect(grader.grade(response: "\\boxed{0.25}", gold: gold).bucket == .mismatch)
    }

    @Test func toleranceIsConfigurable() {
        let loose = Grader(equivalence: AnswerEquivalence(relativeTolerance: 1e-2))
        #expect(loose.grade(response: "\\boxed{3.14}", gold: "\\pi").bucket == .match)
        #expect(grader.grade(response: "\\boxed{3.14}", gold: "\\pi").bucket == .mismatch)
    }
}
