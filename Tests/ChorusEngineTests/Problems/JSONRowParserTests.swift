import Testing

@testable import ChorusEngine

@Suite struct JSONRowParserTests {
    func parse(_ text: String) -> JSONValue? { try? JSONRowParser.parse(text) }

    func failure(_ text: String) -> String? {
        do {
            _ = try JSONRowParser.parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func parsesEveryKindOfValue() {
        #expect(
            parse(#" {"s": "x", "n": -1.50e+3, "t": true, "f": false, "z": null, "a": [1, [2]], "o": {}} "#)
                == .object([
                    "s": .string("x"), "n": .number("-1.50e+3"), "t": .bool(true), "f": .bool(false), "z": .null,
                    "a": .array([.number("1"), .array([.number("2")])]), "o": .object([:]),
                ]))
        #expect(parse("[]") == .array([]))
        #expect(parse("0") == .number("0"))
    }

    @Test func numbersKeepTheirLiteralText() {
        #expect(parse("2.50") == .number("2.50"))
        #expect(parse("1E5") == .number("1E5"))
    }

    @Test func decodesEscapesAndSurrogatePairs() {
        #expect(parse(#""a\"b\\c\/d\n\t\r\b\f""#) == .string("a\"b\\c/d\n\t\r\u{8}\u{C}"))
        #expect(parse(#""\u00e9\u03C0""#) == .string("éπ"))
        #expect(parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(parse(#""\\boxed{5}""#) == .string(#"\boxed{5}"#))
        #expect(parse("\"日本\"") == .string("日本"))
    }

    @Test func errorsSayWhatAndWhere() {
        #expect(failure("") == "unexpected end of line at column 1")
        #expect(failure(#"{"a": 1,}"#) == "expected a quoted key at column 9")
        #expect(failure(#"{"a" 1}"#) == #"expected ":" after a key at column 6"#)
        #expect(failure(#"{"a": 1 "b": 2}"#) == #"expected "," or "}" at column 9"#)
        #expect(failure("[1 2]") == #"expected "," or "]" at column 4"#)
        #expect(failure(#"{"a": "open"#) == "a string is never closed at column 7")
        #expect(failure(#""bad \q""#) == #"invalid escape "\q" at column 6"#)
        #expect(failure(#""\u12x4""#) == #"\u needs four hex digits at column 6"#)
        #expect(failure(#""\ud83d""#) == #"a \u surrogate is not paired at column 8"#)
        #expect(failure("\"tab\there\"") == "a control character inside a string must be escaped at column 5")
        #expect(failure("01") == "unexpected text after the value at column 2")
        #expect(failure("-") == "invalid number at column 2")
        #expect(failure("1.") == "invalid number at column 3")
        #expect(failure("tru") == "unexpected end of line at column 4")
        #expect(failure("nul!") == #"unexpected character "!" at column 4"#)
        #expect(failure(#""é" x"#) == "unexpected text after the value at column 5")
        #expect(failure(String(repeating: "[", count: 600)) == "nested too deeply at column 513")
    }
}
