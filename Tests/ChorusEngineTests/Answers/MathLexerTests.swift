import Testing

@testable import ChorusEngine

@Suite struct MathLexerTests {
    private func numbers(_ text: String) -> [Rational] {
        (MathLexer.tokenize(text) ?? []).compactMap {
            if case .number(let r, _) = $0.kind { return r }
            return nil
        }
    }

    @Test(arguments: [
        ("1,000", 1000), ("1{,}000", 1000), ("1\\,000", 1000), ("1 000", 1000), ("12,345,678", 12_345_678),
        ("1.5e3", 1500), ("1000000", 1_000_000),
    ])
    func readsWholeNumbers(text: String, value: Int) {
        #expect(numbers(text) == [Rational(value)])
    }

    @Test func commaInsideBracketsSeparatesItems() {
        #expect(numbers("(1,000)") == [Rational(1), Rational(0)])
        #expect(numbers("1,23") == [Rational(1), Rational(23)])
    }

    @Test func decimalsAreExact() {
        #expect(numbers(".5") == [Rational(1, 2)!])
        #expect(numbers("0.125") == [Rational(1, 8)!])
        #expect(numbers("2.5e-1") == [Rational(1, 4)!])
    }

    @Test func fracShorthandSplitsDigits() {
        #expect(numbers("\\frac12") == [Rational(1), Rational(2)])
        #expect(numbers("\\frac{12}{5}") == [Rational(12), Rational(5)])
    }

    @Test func layoutDisappearsAndTextBecomesWords() throws {
        let tokens = try #require(MathLexer.tokenize("\\left( \\displaystyle 5 \\right) \\text{ cm}"))
        #expect(
            tokens.map(\.kind) == [
                .symbol(.openParen), .number(Rational(5), plainInteger: true),
                .symbol(.closeParen), .word("cm", isText: true),
            ])
    }

    @Test func rejectsBytesNoAnswerHolds() {
        #expect(MathLexer.tokenize("5 # 3") == nil)
        #expect(MathLexer.tokenize("3 @ 4") == nil)
    }
}
