import Testing

@testable import ChorusEngine

@Suite struct AnswerEquivalenceTests {
    private let equivalence = AnswerEquivalence()

    private func equivalent(_ a: String, _ b: String, _ rule: AnswerEquivalence = AnswerEquivalence()) throws -> Bool {
        let x = try #require(AnswerParser.parse(a), "cannot parse \(a)")
        let y = try #require(AnswerParser.parse(b), "cannot parse \(b)")
        let forward = rule.areEquivalent(x, y)
        #expect(forward == rule.areEquivalent(y, x), "not symmetric: \(a) vs \(b)")
        return forward
    }

    @Test(arguments: [
        // numbers, separators, signs, decimals
        ("1,000", "1000"), ("1{,}000", "1000"), ("1\\,000", "1000"), ("1 000", "1000"), ("+5", "5"),
        ("-0.5", "-\\frac{1}{2}"), (".5", "1/2"), ("1.50", "3/2"), ("1.5e3", "1500"), ("1.5 \\times 10^{3}", "1500"),
        ("2.5\\cdot10^{-1}", "0.25"),
        // wrappers, currency, degrees, units
        ("\\$5", "5"), ("$5.00", "5"), ("30^\\circ", "30"), ("30°", "30"), ("30^{\\circ}", "30"),
        ("5 \\text{ cm}", "5"), ("12 apples", "12"), ("\\left( 3 \\right)", "3"), ("\\!3", "3"),
        ("\\displaystyle \\frac{1}{2}", "0.5"), ("\\text{5}", "5"), ("\\mathbf{7}", "7"),
        // fractions, mixed numbers, roots, constants
        ("\\frac12", "\\dfrac{1}{2}"), ("\\tfrac{3}{4}", "0.75"), ("2\\frac{1}{2}", "5/2"), ("2 1/2", "2.5"),
        ("\\sqrt{8}", "2\\sqrt{2}"), ("\\sqrt3", "\\sqrt{3}"), ("\\sqrt[3]{27}", "3"),
        ("\\frac{\\sqrt{2}}{2}", "\\frac{1}{\\sqrt{2}}"),
        ("2\\pi", "\\pi \\cdot 2"), ("e^{2}", "e \\cdot e"), ("5!", "120"), ("2^{10}", "1024"),
        ("1.414214", "\\sqrt{2}"),
        // symbolic
        ("2x+1", "1+2x"), ("x^2-1", "(x-1)(x+1)"), ("\\frac{x}{2}", "0.5x"), ("x y", "yx"), ("2(a+b)", "2a+2b"),
        ("\\frac{x^2-1}{x-1}", "x+1"), ("y = 2x+1", "2x+1"), ("x = 5", "5"), ("y = 2x + 1", "y - 2x = 1"),
        ("\\sqrt{x^2}", "|x|"),
        // containers
        ("(1, 2)", "\\left(1,2\\right)"), ("\\{1, 2\\}", "\\{2, 1\\}"), ("1, 2", "2, 1"), ("1, 2", "\\{1,2\\}"),
        ("(0, 1]", "\\left(0, 1\\right]"), ("[2,\\infty)", "[2, \\infty)"), ("x \\ge 2", "[2,\\infty)"),
        ("(-\\infty, 0) \\cup (1, \\infty)", "(1,\\infty) \\cup (-\\infty,0)"),
        ("1 \\pm \\sqrt{2}", "1-\\sqrt2, 1+\\sqrt2"),
        ("x = \\pm 3", "3, -3"),
        ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}"),
        ("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "(1, 2)"), ("\\{5\\}", "5"), ("(0, 1)", "(0,1)"),
        // choices, text, bases, percentages
        ("(B)", "B"), ("\\text{(B)}", "B"), ("\\textbf{B}", "(B)"), ("B)", "B"), ("\\text{Monday}", "monday"),
        ("  Yes ", "yes."), ("1011_2", "11"), ("101_{2}", "5"), ("50\\%", "50"), ("50\\%", "0.5"),
        ("12.5%", "\\frac18"),
    ])
    func equal(a: String, b: String) throws {
        #expect(try equivalent(a, b))
    }

    @Test(arguments: [
        ("1000", "1001"), ("1000000", "1000001"), ("1,000", "1"), ("0.5", "0.05"), ("-5", "5"), ("1/3", "0.333"),
        ("3.14", "\\pi"), ("2\\frac{1}{2}", "1"), ("\\sqrt{8}", "3\\sqrt{2}"), ("5!", "100"),
        ("2x+1", "2x-1"), ("x^2", "2x"), ("x", "y"), ("\\frac{x}{2}", "2x"), ("y = 2x+1", "2x+2"), ("x = 5", "6"),
        ("(1, 2)", "(2, 1)"), ("\\{1, 2\\}", "\\{1, 3\\}"), ("\\{1, 2\\}", "\\{1, 2, 3\\}"), ("(1, 2)", "\\{1, 2\\}"),
        ("(0, 1]", "(0, 1)"), ("(0, 1]", "[0, 1]"), ("[2,\\infty)", "(2,\\infty)"), ("(0,1)", "[0,1]"),
        ("(-\\infty, 0) \\cup (1, \\infty)", "(-\\infty, 0] \\cup (1, \\infty)"), ("1 \\pm 2", "3"),
        ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "\\begin{pmatrix} 1 & 3 \\\\ 2 & 4 \\end{pmatrix}"),
        ("(B)", "C"), ("B", "b"), ("\\text{Monday}", "Tuesday"), ("1011_2", "1011"), ("50\\%", "5"),
        ("50\\%", "0.05"), ("50\\%", "0.5\\%"),
    ])
    func different(a: String, b: String) throws {
        #expect(try equivalent(a, b) == false)
    }

    @Test func toleranceAppliesOnlyWhenOneSideIsApproximate() throws {
        // 1.4142136 is within 1e-6 of √2; 1.4142 is not.
        #expect(try equivalent("1.4142136", "\\sqrt{2}"))
        #expect(try equivalent("1.4142", "\\sqrt{2}") == false)
        #expect(try equivalent("1.4142", "\\sqrt{2}", AnswerEquivalence(relativeTolerance: 1e-3)))
        // Exact values compare exactly whatever the tolerance.
        #expect(try equivalent("1000", "1001", AnswerEquivalence(relativeTolerance: 1e-2)) == false)
    }

    @Test func absoluteFloorNearZero() {
        let rule = AnswerEquivalence()
        #expect(rule.numbersEqual(.approximate(1e-12), .exact(.zero)))
        #expect(rule.numbersEqual(.approximate(1e-6), .exact(.zero)) == false)
        #expect(rule.numbersEqual(.approximate(.infinity), .approximate(.infinity)))
        #expect(rule.numbersEqual(.approximate(.infinity), .approximate(-.infinity)) == false)
    }

    @Test func divisionByZeroAtSomePointsStillDecides() throws {
        // 1/(x - 3/7) is undefined at the first sample point; the others decide.
        #expect(try equivalent("\\frac{1}{x - 3/7}", "\\frac{2}{2x - 6/7}"))
        #expect(try equivalent("\\frac{1}{x - 3/7}", "\\frac{1}{x + 3/7}") == false)
    }

    @Test func unevaluableAnswersFallBackToIdenticalTrees() throws {
        #expect(try equivalent("\\frac{1}{0}", "\\frac{1}{0}"))
        #expect(try equivalent("\\frac{1}{0}", "\\frac{2}{0}") == false)
    }

    @Test func equalKeysMeanEquivalent() throws {
        let pairs = [("0.5", "\\frac{1}{2}"), ("x = 3", "3"), ("\\{1,2\\}", "2, 1"), ("2x", "2x")]
        for (a, b) in pairs {
            let x = try #require(AnswerParser.parse(a))
            let y = try #require(AnswerParser.parse(b))
            #expect(x.canonicalKey == y.canonicalKey)
            #expect(equivalence.areEquivalent(x, y))
        }
    }
}
