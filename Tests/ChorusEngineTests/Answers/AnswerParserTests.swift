import Testing

@testable import ChorusEngine

@Suite struct AnswerParserTests {
    @Test(arguments: [
        ("42", "q:42"), ("1,000", "q:1000"), ("\\$5.00", "q:5"), ("$5", "q:5"), ("-.5", "q:-1/2"),
        ("\\dfrac{3}{6}", "q:1/2"), ("\\tfrac{2}{4}", "q:1/2"), ("0.5", "q:1/2"), ("50\\%", "q:50"),
        ("x = 5", "q:5"), ("\\sqrt{16}", "q:4"), ("8^{1/3}", "q:2"), ("1.5e3", "q:1500"),
        ("\\text{(B)}", "c:B"), ("(C)", "c:C"), ("\\textbf{D}", "c:D"), ("A)", "c:A"), ("(B) 12", "c:B"),
        ("\\text{Monday}", "t:monday"), ("Yes.", "t:yes"),
        ("(1, 2)", "(q:1,q:2)"), ("\\{2, 1\\}", "{q:1,q:2}"), ("(0, 1]", "i(q:0,q:1]"),
        ("\\left[ 2, 3 \\right)", "i[q:2,q:3)"),
        ("\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}", "m[q:1;q:2]"),
        ("x > 3", "i(q:3,x:infinity)"),
    ])
    func canonicalKeys(text: String, key: String) throws {
        let answer = try #require(AnswerParser.parse(text))
        #expect(answer.canonicalKey == key)
    }

    @Test func percentIsRemembered() throws {
        #expect(try #require(AnswerParser.parse("50\\%")).isPercentage)
        #expect(try #require(AnswerParser.parse("50")).isPercentage == false)
    }

    @Test func plusMinusIsBothValues() throws {
        let answer = try #require(AnswerParser.parse("1 \\pm 2"))
        #expect(answer.canonicalKey == "{q:-1,q:3}")
    }

    @Test(arguments: ["", "   ", "\\frac{1}{", "3 + * 4", "@@@", "((", "x = ", "#"])
    func unparseable(text: String) {
        #expect(AnswerParser.parse(text) == nil)
    }

    @Test func symbolicExpressionsHaveStructuralKeys() throws {
        let answer = try #require(AnswerParser.parse("2x+1"))
        #expect(answer.canonicalKey == "x:((2*x)+1)")
        guard case .expression(let term) = answer.value else {
            Issue.record("expected an expression")
            return
        }
        #expect(term.variables == ["x"])
        #expect(term.value == nil)
    }

    @Test func irrationalValuesAreApproximate() throws {
        let answer = try #require(AnswerParser.parse("\\sqrt{2}"))
        guard case .expression(let term) = answer.value, case .approximate(let d)? = term.value else {
            Issue.record("expected an approximate value")
            return
        }
        #expect(abs(d - 2.0.squareRoot()) < 1e-15)
    }
}
