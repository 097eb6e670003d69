import ChorusEngine
import Testing

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test func objectKeysAreSortedAndTextIsCompact() {
        let value = CanonicalJSON.object(["b": .integer(1), "a": .array([.bool(true), .null]), "B": .string("x")])
        #expect(value.text == #"{"B":"x","a":[true,null],"b":1}"#)
    }

    @Test func numbersHaveOneForm() {
        #expect(CanonicalJSON.number(1.0).text == "1")
        #expect(CanonicalJSON.number(-0.0).text == "0")
        #expect(CanonicalJSON.number(0.7).text == "0.7")
        #expect(CanonicalJSON.number(1e-7).text == "1e-07")
        #expect(CanonicalJSON.number(1e16).text == "1e+16")
        #expect(CanonicalJSON.number(.nan).text == "null")
        #expect(CanonicalJSON.number(.infinity).text == "null")
        #expect(CanonicalJSON.integer(-12).text == "-12")
    }

    @Test func stringsAreEscaped() {
        #expect(CanonicalJSON.string("a\"b\\c\nd\u{01}é").text == #""a\"b\\c\nd\u0001é""#)
    }

    @Test func parsingThenWritingIsCanonical() throws {
        let parsed = try CanonicalJSON(parsing: #"{ "top_p": 1.0, "temperature": 0.70, "n": 8, "stop": ["\u00e9"] }"#)
        #expect(parsed.text == #"{"n":8,"stop":["é"],"temperature":0.7,"top_p":1}"#)
        #expect(try CanonicalJSON(parsing: parsed.text).text == parsed.text)
        #expect(try CanonicalJSON(parsing: "7E-1") == .number(0.7))
        #expect(try CanonicalJSON(parsing: "5") == .integer(5))
    }

    @Test func invalidTextIsAnError() {
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON(parsing: "{\"a\":}") }
    }
}
