import Testing

@testable import ChorusEngine

@Suite struct MathParserTests {
    @Test(arguments: [
        ("1+2*3", "(1+(2*3))"),
        ("-x^2", "(-(x^2))"),
        ("2x", "(2*x)"),
        ("2\\pi", "(2*pi)"),
        ("x y", "(x*y)"),
        ("\\frac{1}{2}", "(1/2)"),
        ("\\frac12", "(1/2)"),
        ("\\sqrt3", "(2√3)"),
        ("\\sqrt[3]{x}", "(3√x)"),
        ("2\\frac{1}{2}", "5/2"),
        ("2 1/2", "5/2"),
        ("-2\\frac12", "(-5/2)"),
        ("3\\frac{x}{2}", "(3*(x/2))"),
        ("5!", "5!"),
        ("30^\\circ", "30"),
        ("30°", "30"),
        ("12 apples", "12"),
        ("5 \\text{ cm}^2", "5"),
        ("1011_2", "11"),
        ("101_{2}", "5"),
        ("x_{1} + x_2", "(x_1+x_2)"),
        ("1.5 \\times 10^{3}", "(3/2*(10^3))"),
        ("(0, 1]", "(0,1]"),
        ("[2,\\infty)", "[2,infinity)"),
        ("(1,2)", "(1,2)"),
        ("\\{1,2\\}", "{1,2}"),
        ("1, 2", "1,2"),
        ("x = 5", "(x=5)"),
        ("|x-1|", "abs((x-1))"),
        ("\\sin^2 x", "(sin(x)^2)"),
        ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "[1,2;3,4]"),
        ("50\\%", "50%"),
        ("0 < x \\le 1", "(xin(0,1])"),
    ])
    func parsesTo(text: String, tree: String) throws {
        let parsed = try #require(MathParser.parse(text))
        #expect(parsed.description == tree)
    }

    @Test(arguments: [
        "", "\\frac{1}{", "3 + * 4", "(1, 2", "1 2", "\\begin{cases} 1 \\end{cases}", "(]", "1011_{1}", "12_2",
    ])
    func rejectsMalformedInput(text: String) {
        #expect(MathParser.parse(text) == nil)
    }

    @Test func deepNestingFailsInsteadOfCrashing() {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(MathParser.parse(deep) == nil)
    }
}
