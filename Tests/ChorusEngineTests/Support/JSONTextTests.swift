import Testing

@testable import ChorusEngine

@Suite struct JSONTextTests {
    @Test func plainTextIsQuoted() {
        #expect(JSONText.quote("") == #""""#)
        #expect(JSONText.quote("abc 12") == #""abc 12""#)
    }

    @Test func quotesAndBackslashesAreEscaped() {
        #expect(JSONText.quote(#"a "b" \c"#) == #""a \"b\" \\c""#)
        #expect(JSONText.quote("/") == #""/""#)
    }

    @Test func whitespaceControlsHaveShortEscapes() {
        #expect(JSONText.quote("a\nb\rc\td") == #""a\nb\rc\td""#)
        #expect(JSONText.quote("\r\n") == #""\r\n""#)
    }

    @Test func otherControlsAreUnicodeEscapes() {
        #expect(JSONText.quote("\u{0}") == #""\u0000""#)
        #expect(JSONText.quote("\u{1}x\u{1F}") == #""\u0001x\u001f""#)
        #expect(JSONText.quote("\u{8}\u{C}") == #""\u0008\u000c""#)
    }

    @Test func everythingElseIsKept() {
        #expect(JSONText.quote("\u{7F}") == "\"\u{7F}\"")
        #expect(JSONText.quote("é π 😀 \u{2028}") == "\"é π 😀 \u{2028}\"")
        #expect(JSONText.quote("e\u{301}") == "\"e\u{301}\"")
    }

    @Test func scalarValuesAsJSON() {
        #expect(JSONValue.string("a\"b").jsonText == #""a\"b""#)
        #expect(JSONValue.number("-0.50e+3").jsonText == "-0.50e+3")
        #expect(JSONValue.bool(true).jsonText == "true")
        #expect(JSONValue.bool(false).jsonText == "false")
        #expect(JSONValue.null.jsonText == "null")
    }

    @Test func compositeValuesAreCompactWithSortedKeys() {
        let value = JSONValue.object([
            "b": .array([.number("1"), .array([]), .object([:])]),
            "a": .string("x"),
            "\"q\"": .null,
        ])
        #expect(value.jsonText == #"{"\"q\"":null,"a":"x","b":[1,[],{}]}"#)
        #expect(JSONValue.array([]).jsonText == "[]")
    }

    @Test func jsonTextReadsBackAsTheSameValue() throws {
        let values: [JSONValue] = [
            .object(["id": .number("1.50"), "t": .string("line\n\u{1}\\"), "n": .array([.null, .bool(true)])]),
            .array([.object(["k": .array([.number("-3")])])]),
            .string("😀\t"),
        ]
        for value in values {
            #expect(try JSONRowParser.parse(value.jsonText) == value)
        }
    }
}
