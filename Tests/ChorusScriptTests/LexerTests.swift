import Testing

@testable import ChorusScript

private func lex(_ text: String, firstLine: Int = 1) -> Lexer.Output {
    Lexer.tokenize(SourceFile(name: "t.chorus", text: text, firstLine: firstLine))
}

private func kinds(_ text: String) -> [Token.Kind] {
    lex(text).tokens.map(\.kind)
}

/// One diagnostic as `L:C-L:C message`.
private func described(_ diagnostic: Diagnostic) -> String {
    "\(span(diagnostic.range)) \(diagnostic.message)"
}

/// One diagnostic as `L:C-L:C message (hint: hint)`.
private func explained(_ diagnostic: Diagnostic) -> String {
    described(diagnostic) + " (hint: \(diagnostic.hint ?? "none"))"
}

@Suite("Lexer")
struct LexerTests {
    @Test func symbolsAndNames() {
        #expect(
            kinds("x = f(a, b); r.k + 1 - 2 * 3 / 4 : [ ] { }")
                == [
                    .identifier("x"), .equal, .identifier("f"), .leftParen, .identifier("a"), .comma,
                    .identifier("b"), .rightParen, .semicolon, .identifier("r"), .dot, .identifier("k"), .plus,
                    .integer(1), .minus, .integer(2), .star, .integer(3), .slash, .integer(4), .colon,
                    .leftBracket, .rightBracket, .leftBrace, .rightBrace, .endOfInput,
                ])
    }

    @Test func keywordsAndNamesWithDigitsAndUnderscores() {
        #expect(
            kinds("true false none truth x_1 résumé")
                == [
                    .true, .false, .none, .identifier("truth"), .identifier("x_1"), .identifier("résumé"),
                    .endOfInput,
                ])
    }

    @Test(
        "number literals",
        arguments: [
            ("8", Token.Kind.integer(8)),
            ("1_000", .integer(1000)),
            ("1_000_000", .integer(1_000_000)),
            ("0.7", .number(0.7)),
            (".5", .number(0.5)),
            ("1e-3", .number(0.001)),
            ("1E3", .number(1000)),
            ("2.5e+2", .number(250)),
            ("1_000.25", .number(1000.25)),
            ("0", .integer(0)),
        ])
    func numbers(text: String, expected: Token.Kind) {
        let output = lex(text)
        #expect(output.tokens.map(\.kind) == [expected, .endOfInput])
        #expect(output.diagnostics.isEmpty)
        #expect(span(output.tokens[0].range) == "1:1-1:\(text.count + 1)")
    }

    @Test func exponentIsIntegerFreeEvenWithoutFraction() {
        // `1e3` has an exponent, so it is a number, not an int.
        #expect(kinds("1e3") == [.number(1000), .endOfInput])
    }

    @Test func numberFollowedByDotAndNameIsMemberAccess() {
        #expect(kinds("3.count") == [.integer(3), .dot, .identifier("count"), .endOfInput])
    }

    @Test func numberRunningIntoLettersIsAnError() throws {
        let output = lex("x = 2x + 1")
        #expect(output.tokens.map(\.kind) == [.identifier("x"), .equal, .invalid, .plus, .integer(1), .endOfInput])
        #expect(
            output.diagnostics.map(explained) == [
                "1:5-1:7 a number cannot run into letters (hint: put a space after the number)"
            ])
    }

    @Test func exponentWithoutDigitsIsAnError() {
        let output = lex("1e")
        #expect(output.tokens.map(\.kind) == [.invalid, .endOfInput])
        #expect(output.diagnostics.map(described) == ["1:1-1:3 a number cannot run into letters"])
    }

    // MARK: Strings

    @Test func doubleQuotedStringWithEscapes() {
        let output = lex(#""a\nb\t\"q\" \\ \r\0 \' \u{1F600}""#)
        #expect(output.diagnostics.isEmpty)
        #expect(output.tokens.map(\.kind) == [.string("a\nb\t\"q\" \\ \r\0 ' 😀"), .endOfInput])
    }

    @Test func emptyStrings() {
        #expect(kinds(#""" ''"#) == [.string(""), .string(""), .endOfInput])
    }

    @Test func singleQuotedStringIsRaw() {
        let output = lex(#"r = '\frac{1}{2} "q" \n'"#)
        #expect(output.diagnostics.isEmpty)
        #expect(output.tokens.map(\.kind) == [.identifier("r"), .equal, .string(#"\frac{1}{2} "q" \n"#), .endOfInput])
    }

    @Test func tripleQuotedStringSpansLines() throws {
        let output = lex("s = \"\"\"first\n  \\\"second\\\"\\tx\"\"\"\nt")
        #expect(output.diagnostics.isEmpty)
        #expect(!output.isUnfinished)
        #expect(
            output.tokens.map(\.kind) == [
                .identifier("s"), .equal, .string("first\n  \"second\"\tx"), .newline, .identifier("t"), .endOfInput,
            ])
        #expect(span(output.tokens[2].range) == "1:5-2:19")
        #expect(span(output.tokens[4].range) == "3:1-3:2")
    }

    @Test func tripleQuotedStringMayHoldSingleQuotes() {
        #expect(kinds("\"\"\"say \"hi\" ok\"\"\"") == [.string("say \"hi\" ok"), .endOfInput])
    }

    @Test func unterminatedStringIsAnErrorNotUnfinished() throws {
        let output = lex("print \"abc\nx = 1")
        #expect(!output.isUnfinished)
        #expect(
            output.tokens.map(\.kind) == [
                .identifier("print"), .invalid, .newline, .identifier("x"), .equal, .integer(1), .endOfInput,
            ])
        #expect(
            output.diagnostics.map(explained) == [
                "1:7-1:11 this string has no closing \" (hint: close it on the same line, or use \"\"\"…\"\"\" for text over several lines)"
            ])
    }

    @Test func unterminatedRawString() {
        let output = lex("'abc")
        #expect(output.diagnostics.map(described) == ["1:1-1:5 this string has no closing '"])
        #expect(!output.isUnfinished)
    }

    @Test func unterminatedTripleQuotedStringIsUnfinished() {
        let output = lex("s = \"\"\"abc\ndef")
        #expect(output.isUnfinished)
        #expect(output.tokens.map(\.kind) == [.identifier("s"), .equal, .invalid, .endOfInput])
        #expect(output.diagnostics.map(described) == ["1:5-2:4 this string has no closing \"\"\""])
    }

    @Test func unknownEscapeIsReportedAtTheBackslash() throws {
        let output = lex(#"s = "a\qb""#)
        #expect(
            output.diagnostics.map(explained) == [
                "1:7-1:9 unknown escape `\\q` (hint: write `\\\\` for a backslash, or use '…' quotes, which keep backslashes as they are)"
            ])
        // The string itself still ends where its quote is.
        #expect(output.tokens.map(\.kind) == [.identifier("s"), .equal, .string("ab"), .endOfInput])
    }

    @Test func badUnicodeEscape() {
        let output = lex(#""\u{zz}""#)
        #expect(
            output.diagnostics.map(described) == [
                "1:2-1:5 `\\u{…}` needs a hexadecimal Unicode scalar, such as \\u{1F600}"
            ])
    }

    @Test func unicodeEscapeOutsideTheScalarRange() {
        let output = lex(#""\u{D800}""#)
        #expect(output.diagnostics.count == 1)
        #expect(output.diagnostics.first?.message == "`\\u{…}` needs a hexadecimal Unicode scalar, such as \\u{1F600}")
    }

    // MARK: Comments, newlines and continuation

    @Test func commentsRunToTheEndOfTheLine() {
        let output = lex("x = 1 # a comment with ( and \"\ny = 2 # last")
        #expect(output.diagnostics.isEmpty)
        #expect(!output.isUnfinished)
        #expect(
            output.tokens.map(\.kind) == [
                .identifier("x"), .equal, .integer(1), .newline, .identifier("y"), .equal, .integer(2), .endOfInput,
            ])
    }

    @Test func newlinesInsideBracketsDoNotEndTheStatement() {
        let output = lex("xs = [1,\n  2]\nr = {k:\n 1}\nf(\n)")
        #expect(output.diagnostics.isEmpty)
        #expect(
            output.tokens.map(\.kind) == [
                .identifier("xs"), .equal, .leftBracket, .integer(1), .comma, .integer(2), .rightBracket, .newline,
                .identifier("r"), .equal, .leftBrace, .identifier("k"), .colon, .integer(1), .rightBrace, .newline,
                .identifier("f"), .leftParen, .rightParen, .endOfInput,
            ])
        // Line numbers keep counting inside brackets.
        #expect(span(output.tokens[5].range) == "2:3-2:4")
    }

    @Test func trailingBackslashContinuesTheLine() {
        let output = lex("x = 1 + \\\n  2\ny = 3")
        #expect(output.diagnostics.isEmpty)
        #expect(!output.isUnfinished)
        #expect(
            output.tokens.map(\.kind) == [
                .identifier("x"), .equal, .integer(1), .plus, .integer(2), .newline, .identifier("y"), .equal,
                .integer(3), .endOfInput,
            ])
        #expect(span(output.tokens[4].range) == "2:3-2:4")
        #expect(output.tokens[4].isPrecededBySpace)
    }

    @Test func trailingBackslashMayBeFollowedBySpaces() {
        let output = lex("x = 1 + \\  \t\n2")
        #expect(output.diagnostics.isEmpty)
        #expect(output.tokens.map(\.kind) == [.identifier("x"), .equal, .integer(1), .plus, .integer(2), .endOfInput])
    }

    @Test func trailingBackslashMayBeFollowedByAComment() {
        let output = lex("x = 1 + \\ # the rest\n2")
        #expect(output.diagnostics.isEmpty)
        #expect(output.tokens.map(\.kind) == [.identifier("x"), .equal, .integer(1), .plus, .integer(2), .endOfInput])
    }

    @Test func backslashInsideALineIsAnUnexpectedCharacter() {
        let output = lex("x = 1 \\ 2")
        #expect(output.diagnostics.map(described) == ["1:7-1:8 unexpected character `\\`"])
        #expect(
            output.tokens.map(\.kind) == [.identifier("x"), .equal, .integer(1), .invalid, .integer(2), .endOfInput])
    }

    @Test func windowsLineEndingsEndStatements() {
        let output = lex("x = 1\r\ny = 2\r\n")
        #expect(output.diagnostics.isEmpty)
        #expect(
            output.tokens.map(\.kind) == [
                .identifier("x"), .equal, .integer(1), .newline, .identifier("y"), .equal, .integer(2), .newline,
                .endOfInput,
            ])
        #expect(span(output.tokens[4].range) == "2:1-2:2")
    }

    @Test func trailingBackslashWithWindowsLineEnding() {
        let output = lex("x = 1 + \\\r\n2\r\ny = 3")
        #expect(output.diagnostics.isEmpty)
        #expect(!output.isUnfinished)
        #expect(
            output.tokens.map(\.kind) == [
                .identifier("x"), .equal, .integer(1), .plus, .integer(2), .newline, .identifier("y"), .equal,
                .integer(3), .endOfInput,
            ])
    }

    // MARK: Result references

    @Test(
        "result references and names starting with _",
        arguments: [
            ("_", Token.Kind.resultReference(nil)),
            ("_3", .resultReference(3)),
            ("_12", .resultReference(12)),
            ("_0", .resultReference(0)),
            ("_x", .identifier("_x")),
            ("_3a", .identifier("_3a")),
            ("__", .identifier("__")),
        ])
    func resultReferences(text: String, expected: Token.Kind) {
        let output = lex(text)
        #expect(output.diagnostics.isEmpty)
        #expect(output.tokens.map(\.kind) == [expected, .endOfInput])
    }

    @Test func resultNumberTooLarge() {
        let output = lex("_99999999999999999999")
        #expect(output.tokens.map(\.kind) == [.invalid, .endOfInput])
        #expect(output.diagnostics.map(described) == ["1:1-1:22 result number _99999999999999999999 is too large"])
    }

    // MARK: Errors and positions

    @Test func unexpectedCharacterHasExactPosition() {
        let output = lex("x = 1\ny = 2 @ 3")
        #expect(output.diagnostics.map(described) == ["2:7-2:8 unexpected character `@`"])
        #expect(output.diagnostics.first?.source?.name == "t.chorus")
        #expect(output.diagnostics.first?.severity == .error)
    }

    @Test func mismatchedClosingBracket() {
        let output = lex("f(1]")
        #expect(output.diagnostics.map(described) == ["1:4-1:5 `]` does not match the open `(`"])
    }

    @Test func unmatchedClosingBracketIsLeftToTheParser() {
        let output = lex("x)")
        #expect(output.diagnostics.isEmpty)
        #expect(output.tokens.map(\.kind) == [.identifier("x"), .rightParen, .endOfInput])
    }

    @Test func tokenRangesAndSpacing() {
        let tokens = lex("ab  cd[0] ef [1]").tokens
        #expect(
            tokens.map { span($0.range) } == [
                "1:1-1:3", "1:5-1:7", "1:7-1:8", "1:8-1:9", "1:9-1:10", "1:11-1:13", "1:14-1:15", "1:15-1:16",
                "1:16-1:17", "1:17-1:17",
            ])
        #expect(tokens.map(\.isPrecededBySpace) == [true, true, false, false, false, true, true, false, false, false])
        #expect(tokens[1].range.start.offset == 4)
        #expect(tokens[1].range.end.offset == 6)
    }

    @Test func linesAndColumnsCountCharactersNotBytes() {
        let tokens = lex("s = \"é👍🏽\" x").tokens
        #expect(tokens.map(\.kind) == [.identifier("s"), .equal, .string("é👍🏽"), .identifier("x"), .endOfInput])
        #expect(span(tokens[3].range) == "1:10-1:11")
    }

    @Test func firstLineNumbersTokensOfAChunk() {
        let output = lex("x = 1\ny = @", firstLine: 10)
        #expect(span(output.tokens[0].range) == "10:1-10:2")
        #expect(span(output.tokens[4].range) == "11:1-11:2")
        #expect(output.diagnostics.map(described) == ["11:5-11:6 unexpected character `@`"])
    }

    @Test func endOfInputIsAlwaysLast() {
        #expect(kinds("") == [.endOfInput])
        #expect(kinds("   # only a comment") == [.endOfInput])
        #expect(span(lex("ab\n").tokens.last?.range) == "2:1-2:1")
    }

    // MARK: needsMoreInput

    @Test(
        "needsMoreInput",
        arguments: [
            ("print (1,", true),
            ("xs = [1, 2", true),
            ("r = {k: 1,", true),
            ("x = 1 + \\", true),
            ("x = 1 + \\   ", true),
            ("s = \"\"\"abc", true),
            ("s = \"\"\"abc\ndef\"\"\"", false),
            ("s = \"abc", false),
            ("# (", false),
            ("x = 1", false),
            ("x = (1\n+ 2)", false),
            ("xs = [1, 2]", false),
            ("s = \"(\"", false),
            ("", false),
        ])
    func needsMoreInput(text: String, expected: Bool) {
        #expect(Lexer.needsMoreInput(text) == expected)
    }
}
