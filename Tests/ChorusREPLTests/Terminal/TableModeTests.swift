import ChorusEngine
import Testing

@testable import ChorusREPL

/// Tables as `:mode` prints them, rendered from the typed cells.
@Suite struct TableModeTests {
    static let table = DataTable(
        columns: [
            TableColumn("strategy"), TableColumn("acc %", key: "acc", format: .fixed(digits: 1)),
            TableColumn("95% CI", key: "ci", format: .fixed(digits: 1)), TableColumn("no answer", key: "no_answer"),
            TableColumn("right"),
        ],
        rows: [
            [.text("maj@4"), .number(37.5), .interval(lower: 12.5, upper: 75), .int(0), .bool(true)],
            [.text("a, \"b\" | c"), .number(1 / 3), .none, .none, .bool(false)],
        ],
        notes: ["maj@k: a vote of k samples is right"])

    @Test func textIsThePlainRendering() {
        #expect(TableMode.text.render(Self.table) == Self.table.rendered)
    }

    @Test func markdownIsAPipeTableOfTheShownCellsWithTheNotesUnder() {
        #expect(
            TableMode.markdown.render(Self.table) == """
                | strategy | acc % | 95% CI | no answer | right |
                | --- | --- | --- | --- | --- |
                | maj@4 | 37.5 | [12.5, 75.0] | 0 | yes |
                | a, "b" \\| c | 0.3 |  |  | no |

                maj@k: a vote of k samples is right

                """)
    }

    @Test func csvHoldsTheValuesWithAnIntervalInTwoColumns() {
        #expect(
            TableMode.csv.render(Self.table) == """
                strategy,acc,ci_lower,ci_upper,no_answer,right
                maj@4,37.5,12.5,75,0,true
                "a, ""b"" | c",0.3333333333333333,,,,false

                """)
    }

    @Test func jsonIsOneTypedObjectPerRow() {
        let lines = TableMode.json.render(Self.table).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("\"ci\":[12.5,75]") || lines[0].contains("\"ci\":[12.5,75.0]"))
        #expect(lines[0].contains("\"right\":true"))
        #expect(lines[1].contains("\"ci\":null"))
    }
}
