import Testing

@testable import ChorusEngine

@Suite struct GSM8KAnswerTests {
    @Test func splitsSolutionAndGold() {
        let parts = GSM8KAnswer.split(
            "Tom has 4*3=<<4*3=12>>12 apples.\nHe eats 2, so 12-2=<<12-2=10>>10 are left.\n#### 10")
        #expect(parts?.gold == "10")
        #expect(parts?.solution == "Tom has 4*3=12 apples.\nHe eats 2, so 12-2=10 are left.")
    }

    @Test func removesThousandsSeparatorsAndUsesTheLastMarker() {
        #expect(GSM8KAnswer.split("#### 1,000")?.gold == "1000")
        #expect(GSM8KAnswer.split("#### 1,234,567 ")?.gold == "1234567")
        #expect(GSM8KAnswer.split("a #### b\n#### -3.5")?.gold == "-3.5")
        #expect(GSM8KAnswer.split("a #### b\n#### -3.5")?.solution == "a #### b")
        #expect(GSM8KAnswer.split("#### 7")?.solution == "")
    }

    @Test func withoutAFinalNumberThereIsNoGold() {
        #expect(GSM8KAnswer.split("The answer is 7.") == nil)
        #expect(GSM8KAnswer.split("It is 7 ####") == nil)
        #expect(GSM8KAnswer.split("It is 7 #### ,") == nil)
    }

    @Test func stripsOnlyClosedCalculatorAnnotations() {
        #expect(GSM8KAnswer.withoutCalculatorAnnotations("48/2=<<48/2=24>>24 and <<1+1=2>>2") == "48/2=24 and 2")
        #expect(GSM8KAnswer.withoutCalculatorAnnotations("a << b") == "a << b")
        #expect(GSM8KAnswer.withoutCalculatorAnnotations("<<x>>y <<open") == "y <<open")
    }
}
