import Testing
@testable import ChorusEngine

@Suite struct BoxedAnswerTests {
    func last(_ text: String) -> String? { BoxedAnswer.lastBoxedContent(in: text) }

    @Test func takesTheLastBoxedGroup() {
        #expect(last(#"So $x = \boxed{5}$."#) == "5")
        #expect(last(#"First \boxed{1}, then \boxed{2}."#) == "2")
        #expect(last(#"\boxed{3} and \fbox{4}"#) == "4")
        #expect(last(#"\fbox{4} and \boxed {7}"#) == "7")
    }

    @Test func matchesNestedBraces() {
        #expect(last(#"$\boxed{\frac{3}{4}}$"#) == #"\frac{3}{4}"#)
        #expect(last(#"\boxed{\left(\frac{1}{2}, \sqrt{\frac{3}{4}}\right)} done"#) == #"\left(\frac{1}{2}, \sqrt{\frac{3}{4}}\right)"#)
        #expect(last(#"\boxed{{}}"#) == "{}")
    }

    @Test func escapedBracesDoNotCount() {
        #expect(last(#"\boxed{\{1, 2\}}"#) == #"\{1, 2\}"#)
        #expect(last(#"\boxed{\}}"#) == #"\}"#)
    }

    @Test func givesNilWithoutAClosedGroup() {
        #expect(last("no box here") == nil)
        #expect(last(#"\boxed{5"#) == nil)
        #expect(last(#"\boxed{1} then \boxed{\frac{1}{2}"#) == nil)
        #expect(last(#"\boxed 5"#) == nil)
        #expect(last(#"\boxedstuff{5}"#) == nil)
        #expect(last(#"\box{5}"#) == nil)
        #expect(last("") == nil)
    }

    @Test func keepsNonASCIIContent() {
        #expect(last(#"\boxed{2π}"#) == "2π")
        #expect(last(#"\boxed{}"#) == "")
    }
}
