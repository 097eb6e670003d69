import ChorusEngine
import Testing

@testable import ChorusScript

@Suite struct TableValueTests {
    static let table = DataTable(
        columns: [TableColumn("strategy"), TableColumn("acc %", key: "acc", format: .fixed(digits: 1))],
        rows: [[.text("maj@3"), .number(66.666)], [.text("pass@1"), .number(55.55)]])

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

    @Test func notesFollowTheRows() {
        var table = Self.table
        table.notes = ["acc: the share of problems answered right"]
        #expect(TableValue(table).rendering.hasSuffix("pass@1    55.6\nacc: the share of problems answered right"))
        #expect(TableValue(table).member("notes") == .list([.string("acc: the share of problems answered right")]))
    }

    @Test func rowsAreRecordsOfTypedValuesKeyedByTheColumns() {
        let value = TableValue(Self.table)
        #expect(value.memberNames == ["rows", "columns", "count", "notes"])
        #expect(value.member("columns") == .list([.string("strategy"), .string("acc")]))
        #expect(value.member("count") == .int(2))
        #expect(
            value.member("rows")
                == .list([
                    .record(
                        Record([(key: "strategy", value: .string("maj@3")), (key: "acc", value: .double(66.666))])),
                    .record(
                        Record([(key: "strategy", value: .string("pass@1")), (key: "acc", value: .double(55.55))])),
                ]))
        #expect(value.member("header") == nil)
    }

    @Test func everyKindOfCellBecomesItsScriptValue() {
        let cells: [TableCell] = [
            .none, .bool(true), .int(3), .number(0.5), .text("42"), .interval(lower: 1, upper: 2),
        ]
        #expect(
            cells.map(TableValue.value) == [
                .none, .bool(true), .int(3), .double(0.5), .string("42"), .list([.double(1), .double(2)]),
            ])
    }

    @Test func equalityIsTheTables() {
        let value = TableValue(Self.table)
        #expect(value.isEqual(to: TableValue(Self.table)))
        var other = Self.table
        other.rows.removeLast()
        #expect(!value.isEqual(to: TableValue(other)))
        #expect(!value.isEqual(to: StrategyResultValueTests.value([])))
    }

    @Test func aTablePrintsAsColumnsInAScriptAndIndexesByRow() async {
        let harness = Harness()
        await harness.session.assign("t", .object(TableValue(Self.table)))
        let result = await harness.run("t\nt.columns\nt.rows[0]\nt[-1].acc * 2\nt.count\nprint t")
        #expect(result == report(succeeded: 6))
        let table = "strategy  acc %\n--------  -----\nmaj@3     66.7\npass@1    55.6\n"
        #expect(
            harness.output.output
                == table + "[\"strategy\", \"acc\"]\n{strategy: \"maj@3\", acc: 66.666}\n111.1\n2\n" + table)
        #expect(!harness.output.output.contains("\u{1B}"), "a table is plain text in a pipe")
    }

    @Test func anIndexOutsideTheRowsIsAnError() async {
        let harness = Harness()
        await harness.session.assign("t", .object(TableValue(Self.table)))
        #expect(await harness.run("t[2]") == report(failed: 1))
        #expect(harness.output.error.contains("index 2 is out of range for a table of 2 items"))
        #expect(harness.output.error.contains("indices run from 0 to 1"))
    }
}
