import Testing

@testable import ChorusEngine

@Suite struct AnswerExtractorTests {
    private let extractor = AnswerExtractor()

    @Test(arguments: [
        ("So the total is \\boxed{42}.", "42"),
        ("We get $\\boxed{\\frac{1}{2}}$", "\\frac{1}{2}"),
        ("Nested: \\boxed{\\frac{\\sqrt{2}}{\\left\\{ 2 \\right\\}}}", "\\frac{\\sqrt{2}}{\\left\\{ 2 \\right\\}}"),
        ("First \\boxed{1}, then corrected: \\boxed{2}", "2"),
        ("\\fbox{7}", "7"),
        ("The answer is $\\boxed 5$.", "5"),
        ("Set: \\boxed{\\{1, 2\\}}", "\\{1, 2\\}"),
        ("\\text{The answer is \\boxed{9}}", "9"),
        ("\\boxed{\\text{(B)}}", "\\text{(B)}"),
        ("\\boxed{  3  }", "3"),
    ])
    func boxed(response: String, text: String) {
        #expect(extractor.extract(from: response) == ExtractedAnswer(text: text, method: .boxed))
    }

    @Test func emptyOrUnclosedBoxIsNoAnswer() {
        let strict = AnswerExtractor(options: .strict)
        #expect(strict.extract(from: "so \\boxed{} it is") == nil)
        #expect(strict.extract(from: "\\boxed{   }") == nil)
        #expect(strict.extract(from: "\\boxed{3} then \\boxed{}") == ExtractedAnswer(text: "3", method: .boxed))
        #expect(
            strict.extract(from: "\\boxed{3} and finally \\boxed{4")
                == ExtractedAnswer(text: "3", method: .boxed, endsInsideUnclosedAnswer: true))
    }

    @Test func answerTagTakesTheLastOne() {
        let response = "<think>maybe <answer>1</answer></think> final <answer> 12 </answer>"
        #expect(extractor.extract(from: response) == ExtractedAnswer(text: "12", method: .answerTag))
        #expect(extractor.extract(from: "<answer></answer>") == nil)
    }

    @Test func boxBeatsAnswerTag() {
        let response = "<answer>The result is \\boxed{8}</answer>"
        #expect(extractor.extract(from: response) == ExtractedAnswer(text: "8", method: .boxed))
    }

    @Test func answerTagFirstSkipsTheBoxesTheReasoningQuotes() {
        let tagFirst = AnswerExtractor(options: ExtractionOptions(answerTagFirst: true))
        let response = "<think>Answer 1 says \\boxed{5}, answer 2 says \\boxed{7}.</think><answer>7</answer>"
        #expect(extractor.extract(from: response) == ExtractedAnswer(text: "7", method: .boxed))
        #expect(
            tagFirst.extract(from: "<think>\\boxed{5}</think><answer>42</answer>")
                == ExtractedAnswer(text: "42", method: .answerTag))
        #expect(
            extractor.extract(from: "<think>\\boxed{5}</think><answer>42</answer>")
                == ExtractedAnswer(text: "5", method: .boxed))
        #expect(
            tagFirst.extract(from: "<answer>so \\boxed{\\frac{1}{2}}</answer>")
                == ExtractedAnswer(text: "\\frac{1}{2}", method: .answerTag))
        // With no tag, the usual order applies.
        #expect(tagFirst.extract(from: "so \\boxed{3}") == ExtractedAnswer(text: "3", method: .boxed))
    }

    @Test func gsmHashes() {
        #expect(
            extractor.extract(from: "She has 3 + 4 = 7 apples.\n#### 7\n")
                == ExtractedAnswer(text: "7", method: .hashes))
        #expect(extractor.extract(from: "#### 1,234") == ExtractedAnswer(text: "1,234", method: .hashes))
    }

    @Test(arguments: [
        ("Adding them, the answer is 3.5.", "3.5"),
        ("Therefore, the final answer is $\\frac{3}{4}$. I hope it is correct.", "$\\frac{3}{4}$"),
        ("Final Answer: 17\nDone", "17"),
        ("**Answer:** B", "B"),
        ("The answer is x = 2. Check: 2+2=4.", "x = 2"),
    ])
    func phrase(response: String, text: String) {
        #expect(extractor.extract(from: response) == ExtractedAnswer(text: text, method: .phrase))
    }

    @Test(arguments: [
        ("I think 12 eggs, no wait, -3.5 eggs", "-3.5"),
        ("about 1,200 people.", "1,200"),
        // A trailing fraction is taken whole.
        ("So we get \\frac{28}{9}", "\\frac{28}{9}"),
        ("so it is -\\dfrac{1}{2} then", "-\\dfrac{1}{2}"),
        ("we have {3}{4} apples", "4"),
        ("x^{2} is 7", "7"),
    ])
    func lastNumberIsAReportedFallback(response: String, text: String) {
        #expect(extractor.extract(from: response) == ExtractedAnswer(text: text, method: .lastNumber))
    }

    @Test func strictOptionsHaveNoLastNumberFallback() {
        #expect(AnswerExtractor(options: .strict).extract(from: "I think 12") == nil)
    }

    @Test func responseWithNoAnswer() {
        #expect(extractor.extract(from: "I am not sure how to solve this.") == nil)
        #expect(extractor.extract(from: "") == nil)
    }

    @Test func optionsSwitchRulesOff() {
        let response = "\\boxed{1} <answer>2</answer>"
        #expect(
            AnswerExtractor(options: ExtractionOptions(boxed: false)).extract(from: response)
                == ExtractedAnswer(text: "2", method: .answerTag))
    }

    @Test func boxedOnlyReadsWorkedSolutions() {
        let extractor = AnswerExtractor(options: .boxedOnly)
        #expect(extractor.extract(from: "So the total is $\\boxed{\\frac{3}{4}}$.")?.text == "\\frac{3}{4}")
        #expect(extractor.extract(from: "The answer is 5. #### 5 <answer>5</answer>") == nil)
    }

}

/// The reading rules added for answers written without a box.
@Suite struct AnswerReadingTests {
    let extractor = AnswerExtractor()

    @Test(arguments: [
        ("The roots are $\\boxed{2}$ and $\\boxed{5}$.", "2, 5"),
        ("\\boxed{(1,2)}, \\boxed{(2,1)}", "(1,2), (2,1)"),
        ("$x = \\boxed{2}$ or $x = \\boxed{5}$", "2, 5"),
        ("\\boxed{41} no wait \\boxed{42}", "42"),
        ("\\boxed{5} then \\boxed{5}", "5"),
        ("\\boxed{\\boxed{5}}", "\\boxed{5}"),
    ])
    func boxesThatTogetherFormTheAnswer(response: String, text: String) {
        #expect(extractor.extract(from: response) == ExtractedAnswer(text: text, method: .boxed))
    }

    @Test(arguments: [
        ("Final Answer: The largest $n$ is 34.", "34"),
        ("Final Answer: The largest $n$ is $34$.", "$34$"),
        ("Answer: two", "two"),
        ("The answer is $x = 5$. Done.", "$x = 5$"),
        ("The answer is 3.5. Done.", "3.5"),
    ])
    func theAnswerInsideAFinalSentence(response: String, text: String) {
        #expect(extractor.extract(from: response) == ExtractedAnswer(text: text, method: .phrase))
    }

    @Test(arguments: [
        ("This gives $\\frac13$", "\\frac13"),
        ("The identity is $\\begin{pmatrix}1&0\\\\0&1\\end{pmatrix}$.", "\\begin{pmatrix}1&0\\\\0&1\\end{pmatrix}"),
        ("So \\(x \\in [2, 5)\\) holds", "x \\in [2, 5)"),
        ("Hence $$\\frac{x}{7}+\\frac{2}{7}$$", "\\frac{x}{7}+\\frac{2}{7}"),
        ("It costs \\$5, so $64$ in all.", "64"),
    ])
    func theLastMathSpanWhole(response: String, text: String) {
        #expect(extractor.extract(from: response) == ExtractedAnswer(text: text, method: .mathSpan))
    }

    @Test(arguments: ["E", "x^2 + 2*x + 1", ".4", "\\frac13", "\\frac {1}{2}", "odd", "12:00"])
    func aResponseThatIsItselfAnAnswer(response: String) {
        #expect(extractor.extract(from: response) == ExtractedAnswer(text: response, method: .wholeResponse))
    }

    @Test func theLastNumberStandsAlone() {
        #expect(extractor.extract(from: "AZ2B") == nil)
        #expect(
            extractor.extract(from: "Step 7 checks the code X2Y") == ExtractedAnswer(text: "7", method: .lastNumber))
        #expect(extractor.extract(from: "area 9, side s^2") == ExtractedAnswer(text: "9", method: .lastNumber))
        #expect(extractor.extract(from: "so we take .4 of it") == ExtractedAnswer(text: ".4", method: .lastNumber))
        #expect(extractor.extract(from: "I cannot say.") == nil)
        #expect(extractor.extract(from: "nothing") == nil)
    }

    @Test func aResponseCutOffInsideAnAnswerSaysSo() {
        #expect(extractor.read("So it is \\boxed{12").endsInsideUnclosedAnswer)
        #expect(extractor.read("So it is \\boxed{\\frac{1}{2}").answer?.method == .lastNumber)
        #expect(extractor.read("<answer>12").endsInsideUnclosedAnswer)
        #expect(extractor.read("<answer>12").answer?.endsInsideUnclosedAnswer == true)
        #expect(!extractor.read("<answer>12</answer>").endsInsideUnclosedAnswer)
        #expect(!extractor.read("\\boxed{12} and {").endsInsideUnclosedAnswer)
        #expect(!extractor.read("\\boxed{12}").endsInsideUnclosedAnswer)
    }
}
