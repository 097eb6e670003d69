import Testing

@testable import ChorusScript

private func statements(_ program: Program) -> [Statement] {
    program.items.compactMap { item in
        if case .statement(let statement) = item { return statement }
        return nil
    }
}

private func onlyStatement(_ text: String) throws -> Statement {
    let program = parse(text)
    #expect(program.diagnostics.isEmpty)
    #expect(program.items.count == 1)
    return try #require(statements(program).first)
}

private func onlyDiagnostic(_ text: String) throws -> Diagnostic {
    let program = parse(text)
    #expect(program.diagnostics.count == 1)
    return try #require(program.diagnostics.first)
}

@Suite("Parser")
struct ParserTests {
    // MARK: Statements

    @Test func assignment() throws {
        let statement = try onlyStatement("x = 3")
        #expect(sexp(statement) == "(= x 3)")
        guard case .assignment(let name, let nameRange, _) = statement.kind else {
            Issue.record("not an assignment")
            return
        }
        #expect(name == "x")
        #expect(span(nameRange) == "1:1-1:2")
        #expect(span(statement.range) == "1:1-1:6")
        #expect(statement.text == "x = 3")
    }

    @Test func statementTextExcludesSpacesAndComments() throws {
        let statement = try onlyStatement("   y = 1 + 2   # why not\n")
        #expect(statement.text == "y = 1 + 2")
        #expect(span(statement.range) == "1:4-1:13")
    }

    @Test(
        "shapes",
        arguments: [
            ("print x \"is\" 3", "(call print x \"is\" 3)"),
            ("sample gen data n: 8 t: 0.7", "(call sample gen data n:8 t:0.7)"),
            ("print n: 1 2", "(call print n:1 2)"),
            ("x = print 1", "(= x (call print 1))"),
            ("help", "help"),
            ("1 + 2 * 3 - 4 / 2", "(- (+ 1 (* 2 3)) (/ 4 2))"),
            ("10 - 2 - 3", "(- (- 10 2) 3)"),
            ("2 * 3 / 4 * 5", "(* (/ (* 2 3) 4) 5)"),
            ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
            ("-2 * 3", "(* (- 2) 3)"),
            ("2 * -3", "(* 2 (- 3))"),
            ("- -1", "(- (- 1))"),
            ("+1", "(+ 1)"),
            ("a - 1", "(- a 1)"),
            ("a -1", "(- a 1)"),
            ("a + b", "(+ a b)"),
            ("xs[0]", "(index xs 0)"),
            ("xs[0][1]", "(index (index xs 0) 1)"),
            ("xs[i + 1]", "(index xs (+ i 1))"),
            ("print xs [0]", "(call print xs [0])"),
            ("print xs[0]", "(call print (index xs 0))"),
            ("xs [0]", "(call xs [0])"),
            ("r.k", "(. r k)"),
            ("r.a.b", "(. (. r a) b)"),
            ("xs.count", "(. xs count)"),
            ("\"abc\".count", "(. \"abc\" count)"),
            ("r[\"name\"]", "(index r \"name\")"),
            ("data.rows[0].text", "(. (index (. data rows) 0) text)"),
            ("{k: 5, name: \"maj\"}", "{k: 5 name: \"maj\"}"),
            ("{\"a b\": 1}", "{a b: 1}"),
            ("{}", "{}"),
            ("[1, 2, 3]", "[1 2 3]"),
            ("[]", "[]"),
            ("[1, [2, 3], {k: []}]", "[1 [2 3] {k: []}]"),
            ("[1, 2,]", "[1 2]"),
            ("[print 1, 2]", "[(call print 1) 2]"),
            ("{k: help print}", "{k: (call help print)}"),
            ("print (vars)", "(call print vars)"),
            ("(help print)", "(call help print)"),
            ("x = (sleep 0) ", "(= x (call sleep 0))"),
            ("print(1)", "(call print 1)"),
            ("_ + _2", "(+ _ _2)"),
            ("true", "true"),
            ("none", "none"),
            ("x = 1.5e3", "(= x 1500.0)"),
            ("print 'raw\\n'", "(call print \"raw\\\\n\")"),
        ])
    func shapes(text: String, expected: String) throws {
        let program = parse(text)
        #expect(program.diagnostics.map(\.message) == [])
        #expect(outline(program) == [expected])
    }

    @Test func callAndArgumentRanges() throws {
        let statement = try onlyStatement("print 1 n: 22")
        guard case .expression(let expression) = statement.kind, case .call(let call) = expression.kind else {
            Issue.record("not a call")
            return
        }
        #expect(span(expression.range) == "1:1-1:14")
        #expect(span(call.nameRange) == "1:1-1:6")
        #expect(call.arguments.map { span($0.range) } == ["1:7-1:8", "1:9-1:14"])
        #expect(span(call.arguments[1].labelRange) == "1:9-1:10")
        #expect(span(call.arguments[1].value.range) == "1:12-1:14")
        #expect(call.arguments.map(\.label) == [nil, "n"])
    }

    @Test func expressionRangesCoverOperands() throws {
        let statement = try onlyStatement("x = -a * (b + 1)")
        guard case .assignment(_, _, let value) = statement.kind,
            case .chain(let left, let operations) = value.kind, let right = operations.first?.operand
        else {
            Issue.record("not an assignment of a product")
            return
        }
        #expect(span(value.range) == "1:5-1:17")
        #expect(span(left.range) == "1:5-1:7")
        #expect(span(right.range) == "1:10-1:17")
    }

    @Test func memberNameRange() throws {
        let statement = try onlyStatement("cfg.name")
        guard case .expression(let expression) = statement.kind,
            case .member(_, let name, let nameRange) = expression.kind
        else {
            Issue.record("not a member access")
            return
        }
        #expect(name == "name")
        #expect(span(nameRange) == "1:5-1:9")
        #expect(span(expression.range) == "1:1-1:9")
    }

    // MARK: Several statements

    @Test func statementsOnLinesAndSemicolons() {
        let program = parse("x = 1; y = 2\n\n# comment\nprint x y;\n")
        #expect(outline(program) == ["(= x 1)", "(= y 2)", "(call print x y)"])
        #expect(statements(program).map(\.text) == ["x = 1", "y = 2", "print x y"])
    }

    @Test func onlyBlankLinesAndCommentsGiveNoItems() {
        #expect(parse("\n  \n# nothing\n;;\n").items.isEmpty)
        #expect(parse("").items.isEmpty)
    }

    @Test func multiLineStatements() {
        let program = parse("x = (1 +\n  2)\nxs = [\n  1,\n  2,\n]\nprint 1 \\\n  2\ny = 3")
        #expect(program.diagnostics.isEmpty)
        #expect(outline(program) == ["(= x (+ 1 2))", "(= xs [1 2])", "(call print 1 2)", "(= y 3)"])
        #expect(
            statements(program).map(\.text) == [
                "x = (1 +\n  2)", "xs = [\n  1,\n  2,\n]", "print 1 \\\n  2", "y = 3",
            ])
        #expect(statements(program).map { span($0.range) } == ["1:1-2:5", "3:1-6:2", "7:1-8:4", "9:1-9:6"])
    }

    @Test func multiLineRecord() {
        let program = parse("cfg = {\n  k: 5,\n  name: \"maj\"\n}")
        #expect(outline(program) == ["(= cfg {k: 5 name: \"maj\"})"])
    }

    @Test func newlinesAroundAParenthesisedCommand() {
        #expect(outline(parse("x = (\n  print 1\n)")) == ["(= x (call print 1))"])
    }

    // MARK: Errors

    @Test func missingValueAfterEquals() throws {
        let diagnostic = try onlyDiagnostic("x = ")
        #expect(diagnostic.message == "expected a value after `=`")
        #expect(span(diagnostic.range) == "1:5-1:5")
        #expect(diagnostic.source?.name == "t.chorus")
    }

    @Test func onlyANameCanBeAssignedTo() throws {
        let diagnostic = try onlyDiagnostic("x.y = 2")
        #expect(diagnostic.message == "only a name can be assigned to")
        #expect(span(diagnostic.range) == "1:1-1:4")
        #expect(diagnostic.hint == "write `name = value`; names start with a letter")
        #expect(span(try onlyDiagnostic("1 = 2").range) == "1:1-1:2")
    }

    @Test(
        "error messages and caret positions",
        arguments: [
            ("print 1 2)", "1:10-1:11", "`)` has no matching opening bracket"),
            ("x = 1 2", "1:7-1:8", "expected the end of the statement, found `2`"),
            ("x = y = 1", "1:7-1:8", "expected the end of the statement, found `=`"),
            ("r .k", "1:3-1:4", "expected the end of the statement, found `.`"),
            ("r. k", "1:4-1:5", "expected a field name after `.`"),
            ("print (1", "1:9-1:9", "expected `)` to close the `(`, found the end of the input"),
            ("[1, 2", "1:6-1:6", "expected `]` to close the list, found the end of the input"),
            ("xs[1", "1:5-1:5", "expected `]` to close the index, found the end of the input"),
            ("print n: 1 n: 2", "1:12-1:13", "the argument `n:` is given twice"),
            ("print n:", "1:9-1:9", "expected a value after `n:`"),
            ("{k 1}", "1:4-1:5", "expected `:` after the field name `k`, found `1`"),
            ("{k: 1, k: 2}", "1:8-1:9", "the field `k` is given twice"),
            ("{1: 2}", "1:2-1:3", "expected a field name, found `1`"),
            ("*", "1:1-1:2", "expected a value, found `*`"),
            ("x = (1 + )", "1:10-1:11", "expected a value, found `)`"),
            ("print xs[]", "1:10-1:11", "expected a value, found `]`"),
            ("x\n = 1", "2:2-2:3", "expected a value, found `=`"),
        ])
    func errors(text: String, expectedSpan: String, expectedMessage: String) throws {
        let program = parse(text)
        #expect(program.diagnostics.count == 1)
        let diagnostic = try #require(program.diagnostics.first)
        #expect(diagnostic.message == expectedMessage)
        #expect(span(diagnostic.range) == expectedSpan)
        #expect(diagnostic.severity == .error)
    }

    @Test func endOfStatementHint() throws {
        let diagnostic = try onlyDiagnostic("x = 1 2")
        #expect(diagnostic.hint == "put one statement on a line, or separate statements with `;`")
    }

    @Test func recordFieldNameHint() throws {
        let diagnostic = try onlyDiagnostic("{1: 2}")
        #expect(diagnostic.hint == "records are written {name: value, other: value}")
    }

    // MARK: Recovery

    @Test func badStatementInTheMiddleDoesNotSpoilTheOthers() {
        let program = parse("x = 1\ny = * 2\nz = 3\nprint z")
        #expect(
            outline(program) == [
                "(= x 1)", "error@2:5: expected a value after `=`", "(= z 3)", "(call print z)",
            ])
    }

    @Test func recoveryAfterASemicolon() {
        let program = parse("a = ); b = 2; c = (1; d = 4")
        #expect(
            outline(program) == [
                "error@1:5: expected a value after `=`", "(= b 2)",
                "error@1:21: expected `)` to close the `(`, found `;`", "(= d 4)",
            ])
    }

    @Test func severalBadStatements() {
        let program = parse("1 2\nok = 1\n) \nfine = 2")
        #expect(
            outline(program) == [
                "error@1:3: expected the end of the statement, found `2`", "(= ok 1)",
                "error@3:1: expected a value, found `)`", "(= fine 2)",
            ])
        #expect(program.diagnostics.count == 2)
    }

    @Test func lexicalErrorReplacesTheParseErrorItCaused() {
        let program = parse("print \"abc\nx = 1")
        #expect(outline(program) == ["error@1:7: this string has no closing \"", "(= x 1)"])
    }

    @Test func lexicalErrorSpoilsAStatementThatOtherwiseParses() {
        let program = parse("s = \"a\\qb\"\nt = 1")
        #expect(outline(program) == ["error@1:7: unknown escape `\\q`", "(= t 1)"])
    }

    @Test func unexpectedCharacterInTheMiddle() {
        let program = parse("a = 1\nb = 2 @ 3\nc = 3")
        #expect(outline(program) == ["(= a 1)", "error@2:7: unexpected character `@`", "(= c 3)"])
    }

    @Test func severalLexicalErrorsInOneStatement() {
        let program = parse("x = 2a + 3b\ny = 1")
        #expect(
            outline(program) == [
                "error@1:5: a number cannot run into letters | error@1:10: a number cannot run into letters",
                "(= y 1)",
            ])
    }

    @Test func mismatchedBracketDoesNotSwallowLaterStatements() {
        let program = parse("x = (1]\ny = 2")
        #expect(outline(program).count == 2)
        #expect(outline(program).last == "(= y 2)")
    }

    @Test func programDiagnosticsAreInSourceOrder() {
        let program = parse("a = \nb = 1\nc = )")
        #expect(program.diagnostics.map { span($0.range) } == ["1:5-2:1", "3:5-3:6"])
        #expect(program.source.name == "t.chorus")
    }

    @Test func firstLineOffsetsDiagnostics() throws {
        let program = Parser.parse(SourceFile(name: "<stdin>", text: "x = 1\ny = )", firstLine: 7))
        let diagnostic = try #require(program.diagnostics.first)
        #expect(span(diagnostic.range) == "8:5-8:6")
        #expect(diagnostic.locationText == "<stdin>:8:5")
    }
}

/// Hostile nesting gives a diagnostic where the limit is crossed, not a stack overflow; flat chains of any
/// length stay one level deep. Each of these ended the process with a stack overflow before.
@Suite("Parser nesting")
struct ParserNestingTests {
    private let limit = Parser.maximumNesting

    /// The one diagnostic of a one-statement program, as `line:column: message`.
    private func onlyError(_ text: String) -> String? {
        let program = parse(text)
        guard program.items.count == 1, case .failure(let diagnostics) = program.items[0] else { return nil }
        return diagnostics.map { "\(span($0.range)): \($0.message)" }.joined(separator: " | ")
    }

    @Test(arguments: [("(", ")"), ("[", "]"), ("{a: ", "}"), ("-", ""), ("+", "")])
    func nestingPastTheLimitIsReportedAtTheTokenThatCrossesIt(open: String, close: String) {
        // The opener that makes level limit + 1 starts right after `x = ` and `limit` openers.
        let column = 5 + limit * open.count
        let expected = "1:\(column)-1:\(column + 1): nesting deeper than \(limit) levels"
        for depth in [limit + 1, 2_200, 100_000] {
            let text = "x = " + String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
            #expect(onlyError(text) == expected)
        }
        let unclosed = "x = " + String(repeating: open, count: 100_000)
        #expect(onlyError(unclosed) == expected)
    }

    @Test func nestingAtTheLimitParses() {
        let text = "x = " + String(repeating: "(", count: limit) + "1" + String(repeating: ")", count: limit)
        #expect(outline(parse(text)) == ["(= x 1)"])
        let lists = "x = " + String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(parse(lists).diagnostics.isEmpty)
    }

    @Test func postfixChainsCountAsNesting() {
        let fields = "x" + String(repeating: ".a", count: limit + 1)
        #expect(onlyError(fields) == "1:\(2 + 2 * limit)-1:\(3 + 2 * limit): nesting deeper than \(limit) levels")
        let indices = "x" + String(repeating: "[0]", count: limit)
        #expect(parse(indices).diagnostics.isEmpty)
    }

    @Test func theStatementAfterATooDeepOneStillParses() {
        let text =
            "x = " + String(repeating: "(", count: 3_000) + "1" + String(repeating: ")", count: 3_000) + "\ny = 2"
        let lines = outline(parse(text))
        #expect(lines.count == 2)
        #expect(lines.last == "(= y 2)")
    }

    @Test func aFlatChainOfNinetyThousandTermsIsOneLevel() {
        let text = "x = " + Array(repeating: "1", count: 90_000).joined(separator: " + ")
        let program = parse(text)
        guard case .statement(let statement) = program.items.first,
            case .assignment(_, _, let value) = statement.kind, case .chain(let first, let operations) = value.kind
        else {
            Issue.record("not an assignment of a chain")
            return
        }
        #expect(first.kind == .integer(1))
        #expect(operations.count == 89_999)
        #expect(operations.allSatisfy { $0.op == .add && $0.operand.kind == .integer(1) })
        #expect(span(value.range) == "1:5-1:\(5 + 90_000 * 4 - 3)")
    }

    @Test func precedenceMakesAChainOfChains() {
        #expect(outline(parse("1 + 2 * 3 * 4 - 5 / 6")) == ["(- (+ 1 (* (* 2 3) 4)) (/ 5 6))"])
    }
}
