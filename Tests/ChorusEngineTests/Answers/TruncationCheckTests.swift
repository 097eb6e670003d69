import Testing

@testable import ChorusEngine

@Suite struct TruncationCheckTests {
    @Test func theTokenLimitTruncatesWhateverTheText() {
        #expect(TruncationCheck.isTruncated("\\boxed{5}", finishReason: "length"))
        #expect(!TruncationCheck.isTruncated("\\boxed{5}", finishReason: "stop"))
        #expect(!TruncationCheck.isTruncated("\\boxed{5}", finishReason: nil))
    }

    @Test func anUnclosedBoxTruncates() {
        #expect(TruncationCheck.isTruncated("so \\boxed{\\frac{1}{2}", finishReason: "stop"))
        #expect(TruncationCheck.isTruncated("\\boxed{4} then \\fbox{", finishReason: nil))
        #expect(!TruncationCheck.isTruncated("\\boxed{\\frac{1}{2}} done", finishReason: nil))
        // Escaped braces do not count; a box closed around them is whole.
        #expect(!TruncationCheck.isTruncated("\\boxed{\\{1, 2\\}}", finishReason: nil))
        #expect(TruncationCheck.isTruncated("\\boxed{\\{1, 2\\}", finishReason: nil))
        // Braces opened before a box and never closed are not the box's.
        #expect(!TruncationCheck.isTruncated("{ text \\boxed{3}", finishReason: nil))
    }

    @Test func anUnclosedAnswerTagTruncatesUnlessTheModelStopped() {
        #expect(TruncationCheck.isTruncated("<answer>42", finishReason: nil))
        #expect(TruncationCheck.isTruncated("<ANSWER>42", finishReason: "length"))
        #expect(!TruncationCheck.isTruncated("<answer>42", finishReason: "stop"))
        #expect(!TruncationCheck.isTruncated("<answer>41</answer> <Answer>42</ANSWER>", finishReason: nil))
        #expect(TruncationCheck.isTruncated("<answer>41</answer> <answer>42", finishReason: nil))
        #expect(!TruncationCheck.isTruncated("no tags at all", finishReason: nil))
    }
}
