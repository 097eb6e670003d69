import Testing

@testable import ChorusEngine

@Suite struct DataTableTests {
    static let table = DataTable(
        columns: [
            TableColumn("name"), TableColumn("acc %", key: "acc", format: .fixed(digits: 1)),
            TableColumn("time", format: .duration), TableColumn("spare"),
        ],
        rows: [[.text("a"), .number(12.345), .number(0.25)], [.text("b"), .number(100), .none]],
        notes: ["a note"])

    @Test func shortRowsArePaddedWithNone() {
        #expect(Self.table.rows[0].count == 4)
        #expect(Self.table.rows[1][3] == .none)
    }

    @Test func renderingFormatsEachColumnAndAddsTheNotes() {
        #expect(
            Self.table.rendered == """
                name  acc %  time    spare
                ----  -----  ------  -----
                a     12.3   250 ms
                b     100.0
                a note

                """)
    }

    @Test func emptyColumnsAreDroppedOnlyWhereAllowed() {
        let dropped = Self.table.droppingEmptyColumns(among: 2..<4)
        #expect(dropped.columns.map(\.key) == ["name", "acc", "time"])
        #expect(dropped.rows[1] == [.text("b"), .number(100), .none])
        #expect(dropped.notes == ["a note"])
        #expect(Self.table.droppingEmptyColumns(among: [0]).columns.count == 4)
    }

    @Test func theDataKeepsFullPrecision() {
        #expect(Self.table.rows[0][1] == .number(12.345))
        #expect(Self.table.textTable.rows[0][1] == "12.3")
    }
}
