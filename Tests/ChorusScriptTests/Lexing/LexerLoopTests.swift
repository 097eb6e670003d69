import Testing

@testable import ChorusScript

/// Reads `text` one line at a time, as the REPL and a pipe do; whether the last line leaves it unfinished.
private func needsMoreInputLineByLine(_ text: String) -> Bool {
    var state = Lexer.Continuation()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        state = Lexer.continuation(after: String(line), from: state)
    }
    return state.needsMoreInput
}

@Suite("Lexer: loops")
struct LexerLoopTests {
    @Test(
        "a loop is unfinished until its end",
        arguments: [
            ("for k in [1, 2]", true),
            ("for k in [1, 2]\n  print k", true),
            ("for k in [1, 2]\n  print k\nend", false),
            ("for k in [1, 2]; print k; end", false),
            ("votes = for k in [1, 2]\n  vote s k: k", true),
            ("votes = for k in [1, 2]\n  vote s k: k\nend", false),
            ("for t in [1]\n  for k in [2]\n    print t k\n  end", true),
            ("for t in [1]\n  for k in [2]\n    print t k\n  end\nend", false),
            ("for k in [1,\n 2]\n  print k\nend", false),
            ("for k in [1, 2]\n  print \"end\"", true),
            ("for k in [1, 2]\n  print k  # end", true),
            ("for k in [1, 2]\n  print k end", true),
            ("for k in [1, 2]\n  x = \\\nend", true),
            ("for k [1, 2]", true),
            ("end", false),
            ("end\nend", false),
            ("help for", false),
            ("print for", false),
            ("x = 1 + for", false),
            ("(for k in [1])", false),
            ("x = [for", true),
        ])
    func unfinishedUntilEnd(text: String, expected: Bool) {
        #expect(Lexer.needsMoreInput(text) == expected)
        #expect(needsMoreInputLineByLine(text) == expected)
    }

    @Test func keywordsAreTokensOfTheirOwn() {
        let kinds = Lexer.tokenize(SourceFile(name: "t", text: "for end format ending")).tokens.map(\.kind)
        #expect(kinds == [.for, .end, .identifier("format"), .identifier("ending"), .endOfInput])
    }

    @Test func eachTokenKnowsHowManyLoopsAreOpenAfterIt() {
        let tokens = Lexer.tokenize(SourceFile(name: "t", text: "for a in x\nfor b in y\nend\nend\n")).tokens
        #expect(tokens.filter { $0.kind == .newline }.map(\.loopDepth) == [1, 2, 1, 0])
    }
}
