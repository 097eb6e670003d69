import Testing

@testable import ChorusScript

/// Habits from other languages, each told as one error with the statement written the Chorus way.
@Suite struct ForeignSyntaxTests {
    private func diagnostic(_ text: String) throws -> Diagnostic {
        let program = parse(text)
        #expect(program.diagnostics.count == 1)
        return try #require(program.diagnostics.first)
    }

    @Test(
        "each habit's message, span and rewrite",
        arguments: [
            (
                "vote s k=3", "`=` assigns a variable; named arguments are written `k: value`", "1:8-1:10",
                "write: `vote s k: 3`"
            ),
            (
                "x = vote s k = 3 weight: count", "`=` assigns a variable; named arguments are written `k: value`",
                "1:12-1:15", "write: `x = vote s k: 3 weight: count`"
            ),
            (
                "vote(s, k=3)", "`vote` is not called with parentheses and commas", "1:1-1:6",
                "arguments follow the name, separated by spaces: `vote s k: 3`"
            ),
            (
                "v = compare(s, vote(s, k=2))", "`compare` is not called with parentheses and commas", "1:5-1:13",
                "arguments follow the name, separated by spaces: `v = compare s (vote s k: 2)`"
            ),
            (
                "vote s --k 3", "`--k` is a command-line option; named arguments are written `k: value`", "1:8-1:11",
                "write: `vote s k: 3`"
            ),
            (
                "vote s --k=3", "`--k` is a command-line option; named arguments are written `k: value`", "1:8-1:11",
                "write: `vote s k: 3`"
            ),
            ("vote s, k: 3", "arguments are separated by spaces, not commas", "1:7-1:8", "write: `vote s k: 3`"),
            (
                "model local:qwen2.5-1.5b-instruct", "a model is named by a string: `local:…` goes in quotes",
                "1:7-1:34", "write: `model \"local:qwen2.5-1.5b-instruct\"`"
            ),
            (
                "m = model openai:http://127.0.0.1:8000/v1/m",
                "a model is named by a string: `openai:…` goes in quotes", "1:11-1:44",
                "write: `m = model \"openai:http://127.0.0.1:8000/v1/m\"`"
            ),
        ])
    func habit(_ text: String, _ message: String, _ range: String, _ hint: String) throws {
        let found = try diagnostic(text)
        #expect(found.message == message)
        #expect(span(found.range) == range)
        #expect(found.hint == hint)
    }

    @Test func statementsThatAreChorusAreLeftAlone() {
        for text in [
            "vote s k: 3", "vote(s)", "x = [1, 2]", "r = {a: 1, b: 2}", "print a - 1", "print (vote s k: 3)",
            "model \"local:qwen2.5-1.5b-instruct\"", "x = 3 - -2",
        ] {
            #expect(parse(text).diagnostics.isEmpty, "\(text)")
        }
    }

    @Test func theGrammarsOwnErrorsStayWhereNoHabitShows() throws {
        #expect(try diagnostic("x.y = 2").message == "only a name can be assigned to")
        #expect(try diagnostic("x = y = 1").message == "expected the end of the statement, found `=`")
    }

    @Test func onlyTheStatementWithTheHabitFails() {
        let program = parse("x = 1\nvote s k=3\ny = 2")
        #expect(program.diagnostics.count == 1)
        #expect(program.diagnostics.first?.range?.start.line == 2)
    }
}
