import Testing

@testable import ChorusScript

/// An engine object for tests.
struct FakeDataset: ScriptObject {
    var rows: Int
    var typeName: String { "dataset" }
    var summary: String { "\(rows) rows" }
    var rendering: String { "dataset with \(rows) rows\n  first: …" }
    func member(_ name: String) -> Value? { name == "rows" ? .int(rows) : nil }
    var memberNames: [String] { ["rows"] }
    func isEqual(to other: any ScriptObject) -> Bool { (other as? FakeDataset)?.rows == rows }
}

/// An engine object relying on the protocol's defaults.
struct PlainObject: ScriptObject {
    var typeName: String { "model" }
    var summary: String { "tiny" }
    func isEqual(to other: any ScriptObject) -> Bool { other is PlainObject }
}

@Suite("Value rendering")
struct ValueRenderingTests {
    @Test(
        "literals",
        arguments: [
            (Value.none, "none"),
            (.bool(true), "true"),
            (.bool(false), "false"),
            (.int(42), "42"),
            (.int(-3), "-3"),
            (.double(0.7), "0.7"),
            (.double(3), "3.0"),
            (.double(1e-6), "1e-06"),
            (.double(-0.5), "-0.5"),
            (.double(.infinity), "inf"),
            (.string("hi"), "\"hi\""),
            (.string("a\"b\\c\nd\te\rf"), #""a\"b\\c\nd\te\rf""#),
            (.string("é👍🏽"), "\"é👍🏽\""),
            (.list([]), "[]"),
            (.list([.int(1), .string("x"), .list([.none])]), "[1, \"x\", [none]]"),
            (.record(Record()), "{}"),
            (.record(Record([("k", .int(5)), ("name", .string("maj"))])), "{k: 5, name: \"maj\"}"),
            (
                .record(Record([("a b", .int(1)), ("_x1", .int(2)), ("1a", .int(3)), ("", .int(4))])),
                "{\"a b\": 1, _x1: 2, \"1a\": 3, \"\": 4}"
            ),
            (.record(Record([("inner", .record(Record([("xs", .list([.double(0.5)]))])))])), "{inner: {xs: [0.5]}}"),
            (.object(FakeDataset(rows: 3)), "<dataset: 3 rows>"),
        ])
    func literal(value: Value, expected: String) {
        #expect(value.literal == expected)
    }

    @Test func renderingQuotesStringsAndShowsObjectsInFull() {
        #expect(Value.string("hi").rendering == "\"hi\"")
        #expect(Value.int(1).rendering == "1")
        #expect(Value.list([.string("a")]).rendering == "[\"a\"]")
        #expect(Value.object(FakeDataset(rows: 2)).rendering == "dataset with 2 rows\n  first: …")
        #expect(Value.object(PlainObject()).rendering == "tiny")
    }

    @Test func printTextWritesStringsAsTheyAre() {
        #expect(Value.string("a\nb").printText == "a\nb")
        #expect(Value.list([.string("a")]).printText == "[\"a\"]")
        #expect(Value.double(2).printText == "2.0")
        #expect(Value.none.printText == "none")
        #expect(Value.object(FakeDataset(rows: 2)).printText == "dataset with 2 rows\n  first: …")
    }

    @Test func summaryShortensLongLiterals() {
        let long = Value.string(String(repeating: "a", count: 100))
        let expected = "\"" + String(repeating: "a", count: 70) + "…"
        #expect(long.summary == expected)
        #expect(long.summary.count == 72)
        let exact = Value.string(String(repeating: "b", count: 70))  // 72 characters with its quotes
        #expect(exact.summary == exact.literal)
        let oneMore = Value.string(String(repeating: "b", count: 71))
        #expect(oneMore.summary == "\"" + String(repeating: "b", count: 70) + "…")
    }

    @Test func summaryOfLongListsCountsItems() {
        let ten = Value.list((1...10).map { .int($0) })
        #expect(ten.summary == "[1, 2, 3, 4, 5, 6, 7, 8, … (10 items)]")
        let eight = Value.list((1...8).map { .int($0) })
        #expect(eight.summary == "[1, 2, 3, 4, 5, 6, 7, 8]")
        #expect(Value.object(FakeDataset(rows: 9)).summary == "9 rows")
    }

    @Test func typeNames() {
        #expect(
            [Value.none, .bool(true), .int(1), .double(1), .string(""), .list([]), .record(Record())].map(\.typeName)
                == ["none", "bool", "int", "number", "string", "list", "record"])
        #expect(Value.object(FakeDataset(rows: 1)).typeName == "dataset")
    }

    @Test func quote() {
        #expect(Value.quote("") == "\"\"")
        #expect(Value.quote("/tmp/a b.chorus") == "\"/tmp/a b.chorus\"")
        #expect(Value.quote("C:\\x") == "\"C:\\\\x\"")
    }

    @Test func equality() {
        #expect(Value.int(3) == .double(3))
        #expect(Value.double(3) == .int(3))
        #expect(Value.int(3) != .double(3.5))
        #expect(Value.string("3") != .int(3))
        #expect(Value.none == .none)
        #expect(Value.none != .bool(false))
        #expect(Value.list([.int(1)]) == .list([.double(1)]))
        #expect(Value.list([.int(1)]) != .list([.int(1), .int(2)]))
        let ab = Value.record(Record([("a", .int(1)), ("b", .int(2))]))
        let ba = Value.record(Record([("b", .int(2)), ("a", .int(1))]))
        #expect(ab != ba)
        #expect(ab == .record(Record([("a", .int(1)), ("b", .double(2))])))
        #expect(Value.object(FakeDataset(rows: 1)) == .object(FakeDataset(rows: 1)))
        #expect(Value.object(FakeDataset(rows: 1)) != .object(FakeDataset(rows: 2)))
        #expect(Value.object(FakeDataset(rows: 1)) != .object(PlainObject()))
    }

    @Test func numericValueAndIsNone() {
        #expect(Value.int(2).numericValue == 2)
        #expect(Value.double(2.5).numericValue == 2.5)
        #expect(Value.string("2").numericValue == nil)
        #expect(Value.none.isNone)
        #expect(!Value.bool(false).isNone)
    }

    @Test func recordKeepsOrderAndReplacesDuplicates() {
        var record = Record([("a", .int(1)), ("b", .int(2)), ("a", .int(3))])
        #expect(record.keys == ["a", "b"])
        #expect(record["a"] == .int(3))
        record["c"] = .int(4)
        record["a"] = .int(5)
        #expect(record.keys == ["a", "b", "c"])
        record["b"] = nil
        #expect(record.keys == ["a", "c"])
        #expect(record["b"] == nil)
        #expect(Value.record(record).literal == "{a: 5, c: 4}")
    }

    @Test func objectDefaults() {
        let object = PlainObject()
        #expect(object.member("x") == nil)
        #expect(object.memberNames.isEmpty)
    }
}
