import ChorusEngine
import Testing

@testable import ChorusScript

@Suite struct TableValueTests {
    static let table = TextTable(header: ["strategy", "acc %"], rows: [["maj@3", "66.7"], ["pass@1", "55.6"]])

    @Test func summaryCountsRowsAndColumns() {
        let value = TableValue(Self.table)
        #expect(value.typeName == "table")
        #expect(value.summary == "2 rows × 2 columns")
        #expect(Value.object(value).literal == "<table: 2 rows × 2 columns>")
    }

    @Test func renderingIsTheTableWithoutTheLastNewline() {
        #expect(
            TableValue(Self.table).rendering == """
                strategy  acc %
                --------  -----
                maj@3     66.7
                pass@1    55.6
                """)
    }

    @Test func rowsAreRecordsKeyedByTheHeader() {
        let value = TableValue(Self.table)
        #expect(value.memberNames == ["rows", "columns"])
        #expect(value.member("columns") == .list([.string("strategy"), .string("acc %")]))
        #expect(
            value.member("rows")
                == .list([
                    .record(
                        Record([(key: "strategy", value: .string("maj@3")), (key: "acc %", value: .string("66.7"))])),
                    .record(
                        Record([(key: "strategy", value: .string("pass@1")), (key: "acc %", value: .string("55.6"))])),
                ]))
        #expect(value.member("header") == nil)
    }

    @Test func equalityIsTheTables() {
        let value = TableValue(Self.table)
        #expect(value.isEqual(to: TableValue(Self.table)))
        #expect(!value.isEqual(to: TableValue(TextTable(header: ["strategy", "acc %"], rows: [["maj@3", "66.7"]]))))
        #expect(!value.isEqual(to: StrategyResultValueTests.value([])))
    }

    @Test func aTablePrintsAsColumnsInAScript() async {
        let harness = Harness()
        await harness.session.assign("t", .object(TableValue(Self.table)))
        let result = await harness.run("t\nt.columns\nt.rows[0]\nprint t")
        #expect(result == report(succeeded: 4))
        let table = "strategy  acc %\n--------  -----\nmaj@3     66.7\npass@1    55.6\n"
        #expect(
            harness.output.output
                == table + "[\"strategy\", \"acc %\"]\n{strategy: \"maj@3\", \"acc %\": \"66.7\"}\n" + table)
    }
}
