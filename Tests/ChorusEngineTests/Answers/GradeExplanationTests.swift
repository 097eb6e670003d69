import Testing

@testable import ChorusEngine

@Suite struct GradeExplanationTests {
    let grader = Grader()

    @Test func sameFormsMatch() {
        let explained = GradeExplanation(grader: grader, response: "so \\boxed{0.5}", gold: "\\frac12")
        #expect(explained.grade.bucket == .match)
        #expect(explained.parsedForm == "q:1/2" && explained.goldForm == "q:1/2")
        #expect(explained.reason == "both normalise to the same form")
    }

    @Test func differentFormsAreExplained() {
        let wrong = GradeExplanation(grader: grader, response: "\\boxed{3}", gold: "4")
        #expect(wrong.grade.bucket == .mismatch)
        #expect(wrong.reason == "different forms, not equivalent under the equivalence rules")
        let equivalent = GradeExplanation(grader: grader, response: "\\boxed{\\sqrt{8}}", gold: "2\\sqrt2")
        #expect(equivalent.grade.bucket == .match)
        #expect(equivalent.parsedForm != equivalent.goldForm)
        #expect(equivalent.reason == "different forms, equivalent under the equivalence rules")
    }

    @Test func unreadableSidesAndTruncationSayWhy() {
        #expect(
            GradeExplanation(grader: grader, response: "no idea", gold: "4").reason
                == "no rule found an answer in the response")
        #expect(
            GradeExplanation(grader: grader, response: "\\boxed{#}", gold: "4").reason
                == "the extracted text does not parse as an answer")
        let cut = GradeExplanation(grader: grader, response: "\\boxed{4}", gold: "4", finishReason: "length")
        #expect(cut.grade.bucket == .truncated)
        #expect(cut.reason == "the response was cut off at the token limit (finish reason length)")
        let graded = GradeExplanation(
            grader: grader, response: "\\boxed{4}", gold: "4", finishReason: "length", truncation: .grade)
        #expect(graded.grade.bucket == .match)
        let badGold = GradeExplanation(grader: grader, response: "\\boxed{5}", gold: "\\frac{1}{")
        #expect(badGold.goldForm == nil)
        #expect(badGold.reason.hasPrefix("the gold does not parse"))
    }
}
