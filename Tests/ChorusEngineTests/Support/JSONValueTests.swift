import ChorusEngine
import Testing

@Suite("JSON value")
struct JSONValueTests {
    @Test func objectKeysAreSortedAndTextIsCompact() {
        let value = JSONValue.object(["b": .integer(1), "a": .array([.bool(true), .null]), "B": .string("x")])
        #expect(value.jsonText == #"{"B":"x","a":[true,null],"b":1}"#)
    }

    @Test func keysAreSortedByTheirUTF8Bytes() {
        // "é" decomposed (e + U+0301) sorts before "f" by bytes, after it by String's `<`.
        let value = JSONValue.object(["f": .null, "e\u{301}": .null])
        #expect(Array(value.jsonText.unicodeScalars) == Array("{\"e\u{301}\":null,\"f\":null}".unicodeScalars))
    }

    @Test func builtNumbersHaveOneForm() {
        #expect(JSONValue.double(1.0).jsonText == "1")
        #expect(JSONValue.double(-0.0).jsonText == "0")
        #expect(JSONValue.double(0.7).jsonText == "0.7")
        #expect(JSONValue.double(1e-7).jsonText == "1e-07")
        #expect(JSONValue.double(1e16).jsonText == "1e+16")
        #expect(JSONValue.double(.nan).jsonText == "null")
        #expect(JSONValue.double(.infinity).jsonText == "null")
        #expect(JSONValue.integer(-12).jsonText == "-12")
    }

    @Test func stringsAreEscaped() {
        #expect(JSONValue.string("a\"b\\c\nd\u{01}é").jsonText == #""a\"b\\c\nd\u0001é""#)
    }

    @Test func parsedNumbersKeepTheirLiteralUntilMadeCanonical() throws {
        let parsed = try JSONValue(
            parsing: #"{ "top_p": 1.0, "temperature": 0.70, "n": 8, "stop": ["\u00e9"], "x": -0 }"#)
        #expect(parsed.jsonText == #"{"n":8,"stop":["é"],"temperature":0.70,"top_p":1.0,"x":-0}"#)
        #expect(parsed.canonical.jsonText == #"{"n":8,"stop":["é"],"temperature":0.7,"top_p":1,"x":0}"#)
        #expect(try JSONValue(parsing: parsed.canonical.jsonText).canonical == parsed.canonical)
        #expect(try JSONValue(parsing: "7E-1").canonical == .double(0.7))
        #expect(try JSONValue(parsing: "5").canonical == .integer(5))
        #expect(try JSONValue(parsing: "1e999").canonical == .null)
    }

    @Test func canonicalIsTheSameForBuiltValues() {
        let built = JSONValue.object(["t": .double(0.7), "k": .integer(20), "s": .array([.string("x"), .bool(false)])])
        #expect(built.canonical == built)
    }

    @Test func prettyTextIndentsTwoSpacesALevel() {
        let value = JSONValue.object(["b": .array([.integer(1), .object([:])]), "a": .object(["x": .array([])])])
        #expect(value.prettyText == "{\n  \"a\" : {\n    \"x\" : []\n  },\n  \"b\" : [\n    1,\n    {}\n  ]\n}")
    }

    @Test func invalidTextIsAnError() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "{\"a\":}") }
    }
}
