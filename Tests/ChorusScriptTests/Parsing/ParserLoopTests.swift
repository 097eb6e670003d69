import Testing

@testable import ChorusScript

/// The one diagnostic of a program that must fail as a whole: `line:column-line:column: message`.
private func onlyError(_ text: String) -> String {
    let diagnostics = parse(text).diagnostics
    #expect(diagnostics.count == 1)
    guard let diagnostic = diagnostics.first else { return "no error" }
    return "\(span(diagnostic.range)): \(diagnostic.message)"
}

@Suite("Parser: loops")
struct ParserLoopTests {
    @Test(
        "shapes",
        arguments: [
            ("for k in [1, 2, 4]\n  vote s k: k\nend", "(for k [1 2 4] (call vote s k:k))"),
            (
                "votes = for k in [1, 2]\n  v = vote s k: k\n  v\nend",
                "(= votes (for k [1 2] (= v (call vote s k:k)) v))"
            ),
            ("for k in [1, 2]; print k; end", "(for k [1 2] (call print k))"),
            (
                "for t in temps\n\n  # a comment\n  sample gen d temperature: t\nend",
                "(for t temps (call sample gen d temperature:t))"
            ),
            ("for k in (range 3)\n  k\nend", "(for k (call range 3) k)"),
            (
                "for t in [0.3, 0.7]\n  for k in [1, 2]\n    print t k\n  end\nend",
                "(for t [0.3 0.7] (for k [1 2] (call print t k)))"
            ),
            ("help for", "(call help for)"),
            ("help end", "(call help end)"),
        ])
    func shapes(text: String, expected: String) {
        let program = parse(text)
        #expect(program.diagnostics.isEmpty)
        #expect(outline(program) == [expected])
    }

    @Test func aLoopIsOneStatementWithItsTextAsWritten() throws {
        let text = "x = 1\nvotes = for k in [1, 2]   # the sweep\n  vote s k: k\nend   \nprint votes"
        let program = parse(text)
        #expect(outline(program) == ["(= x 1)", "(= votes (for k [1 2] (call vote s k:k)))", "(call print votes)"])
        guard case .statement(let loop) = program.items[1] else {
            Issue.record("the loop did not parse")
            return
        }
        #expect(loop.text == "votes = for k in [1, 2]   # the sweep\n  vote s k: k\nend")
        #expect(span(loop.range) == "2:1-4:4")
        guard case .loop(let parsed) = loop.kind else {
            Issue.record("not a loop")
            return
        }
        #expect(parsed.target == "votes")
        #expect(span(parsed.targetRange) == "2:1-2:6")
        #expect(span(parsed.variableRange) == "2:13-2:14")
        #expect(span(parsed.headerRange) == "2:9-2:24")
    }

    @Test(
        "errors",
        arguments: [
            ("for k [1, 2]\n  k\nend", "1:7-1:8: expected `in` after `for k`, found `[`"),
            ("for [1, 2]\n  k\nend", "1:5-1:6: expected the loop variable's name after `for`, found `[`"),
            ("for k in\n  k\nend", "1:9-2:1: expected the values to go over after `in`, found the end of the line"),
            ("for k in []\n  k\nend", "1:10-1:12: the loop goes over an empty list, so its body would never run"),
            ("for k in [1, 2]:\n  k\nend", "1:16-1:17: a `for` line ends after its values, with no `:`"),
            ("for k in [1, 2] print k\nend", "1:17-1:22: expected the end of the line after the values, found `print`"),
            ("for k in [1, 2]\nend", "1:1-1:16: this loop's body is empty"),
            ("for k in [1, 2]\n  print k", "1:1-1:16: this `for` has no `end`"),
            ("for k in [1, 2]", "1:1-1:16: this `for` has no `end`"),
            ("end", "1:1-1:4: `end` has no `for` to close"),
            ("x = 1 + for", "1:9-1:12: expected a value, found `for`"),
            ("for k in [1]\n  print k\nend k", "3:5-3:6: expected the end of the statement, found `k`"),
        ])
    func errors(text: String, expected: String) {
        #expect(onlyError(text) == expected)
    }

    @Test func anErrorInTheBodyFailsTheWholeLoopAndParsingGoesOnAfterItsEnd() {
        let text = """
            for t in [1, 2]
              for k in [3]
                print k +
              end
              print t
            end
            after = 1
            """
        let program = parse(text)
        #expect(
            outline(program) == [
                "error@3:14: expected a value, found the end of the line", "(= after 1)",
            ])
    }

    @Test func errorsAreShownWithACaret() async {
        let harness = Harness()
        #expect(await harness.run("for k [1, 2]\n  print k\nend\nprint 3") == report(succeeded: 1, failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:7: error: expected `in` after `for k`, found `[`
                1 | for k [1, 2]
                  |       ^
                hint: write `for k in [1, 2, 4]`

                """)
        #expect(harness.output.output == "3\n")
    }

    @Test func anUnfinishedLoopPointsAtItsHeader() async {
        let harness = Harness()
        #expect(await harness.run("for k in [1, 2]\n  print k") == report(failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:1: error: this `for` has no `end`
                1 | for k in [1, 2]
                  | ^~~~~~~~~~~~~~~
                hint: close the loop's body with `end` on a line of its own

                """)
    }

    /// Each loop is a level of nesting: loops nested past the limit fail where it is crossed, never deeper in the stack.
    @Test func loopsNestUpToTheLimit() {
        func nested(_ depth: Int) -> String {
            (0..<depth).map { "for a\($0) in xs\n" }.joined() + "print 1\n" + String(repeating: "end\n", count: depth)
        }
        let limit = Parser.maximumNesting
        #expect(parse(nested(limit)).diagnostics.isEmpty)
        #expect(onlyError(nested(limit + 1)) == "\(limit + 1):1-\(limit + 1):4: nesting deeper than \(limit) levels")
        // Far past it, the lexer and the parser still return, and the next statement parses.
        let deep = parse(nested(20_000) + "x = 2")
        #expect(deep.diagnostics.count == 1)
        #expect(outline(deep).last == "(= x 2)")
    }
}
