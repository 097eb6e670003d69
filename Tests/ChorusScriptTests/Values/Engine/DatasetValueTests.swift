import ChorusEngine
import Testing

@testable import ChorusScript

@Suite struct DatasetValueTests {
    static func dataset(_ questions: [String], name: String = "hand", source: String = "hand") throws -> Dataset {
        try Dataset(
            name: name,
            problems: questions.enumerated().map { index, question in
                Problem(id: "q\(index + 1)", question: question, goldAnswer: "\(index + 1)", source: source)
            })
    }

    @Test func summaryIsTheDatasetsLine() throws {
        let value = DatasetValue(try Self.dataset(["A?", "B?"]))
        #expect(value.typeName == "dataset")
        #expect(value.summary == "hand: 2 problems (source: hand)")
        #expect(Value.object(value).literal == "<dataset: hand: 2 problems (source: hand)>")
    }

    @Test func renderingShowsTheFirstThreeProblems() throws {
        let value = DatasetValue(try Self.dataset(["A?", "B?", "C?", "D?", "E?"]))
        #expect(
            value.rendering == """
                hand: 5 problems (source: hand)
                  q1: A?  [gold: 1]
                  q2: B?  [gold: 2]
                  q3: C?  [gold: 3]
                  … 2 more
                """)
    }

    @Test func renderingOfThreeOrFewerHasNoMoreLine() throws {
        #expect(DatasetValue(try Self.dataset(["A?", "B?", "C?"])).rendering.hasSuffix("  q3: C?  [gold: 3]"))
        #expect(
            DatasetValue(try Self.dataset(["A?"])).rendering == "hand: 1 problem (source: hand)\n  q1: A?  [gold: 1]")
        #expect(DatasetValue(try Self.dataset([])).rendering == "hand: 0 problems")
    }

    @Test func longAndMultiLineQuestionsAreShortened() throws {
        let seventy = String(repeating: "x", count: 70)
        let seventyOne = String(repeating: "y", count: 71)
        let value = DatasetValue(try Self.dataset([seventy, seventyOne, "first line\nsecond line"]))
        let lines = value.rendering.split(separator: "\n").map(String.init)
        #expect(lines[1] == "  q1: \(seventy)  [gold: 1]")
        #expect(lines[2] == "  q2: \(String(repeating: "y", count: 69))…  [gold: 2]")
        #expect(lines[3] == "  q3: first line  [gold: 3]")
    }

    @Test func members() throws {
        let value = DatasetValue(try Self.dataset(["A?", "B?"]))
        #expect(value.memberNames == ["count", "name", "ids", "questions", "answers"])
        #expect(value.member("count") == .int(2))
        #expect(value.member("name") == .string("hand"))
        #expect(value.member("ids") == .list([.string("q1"), .string("q2")]))
        #expect(value.member("questions") == .list([.string("A?"), .string("B?")]))
        #expect(value.member("answers") == .list([.string("1"), .string("2")]))
        #expect(value.member("problems") == nil)
    }

    @Test func equalityIsTheDatasets() throws {
        let value = DatasetValue(try Self.dataset(["A?", "B?"]))
        #expect(value.isEqual(to: DatasetValue(try Self.dataset(["A?", "B?"]))))
        #expect(!value.isEqual(to: DatasetValue(try Self.dataset(["A?", "C?"]))))
        #expect(!value.isEqual(to: DatasetValue(try Self.dataset(["A?", "B?"], name: "other"))))
        #expect(!value.isEqual(to: TableValue(DataTable(columns: [TableColumn("a")], rows: []))))
    }

    @Test func membersReadFromAScript() async throws {
        let harness = Harness()
        await harness.session.assign("d", .object(DatasetValue(try Self.dataset(["A?", "B?"]))))
        let result = await harness.run("d.count\nd.ids\nd.answers[1]")
        #expect(result == report(succeeded: 3))
        #expect(harness.output.output == "2\n[\"q1\", \"q2\"]\n\"2\"\n")
    }
}
