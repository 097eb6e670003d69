import ChorusEngine
import Testing

@Suite("TextTable")
struct TextTableTests {
    @Test func alignsColumnsUnderARule() {
        let table = TextTable(header: ["name", "score"], rows: [["a", "0.5"], ["long name", "1"]])
        #expect(
            table.rendered == """
                name       score
                ---------  -----
                a          0.5
                long name  1

                """)
    }

    @Test func lastColumnIsNotPaddedAndTrailingSpacesAreTrimmed() {
        let table = TextTable(header: ["x", "y"], rows: [["a"], ["b", "c"], ["", ""]])
        #expect(table.rendered == "x  y\n-  -\na\nb  c\n\n")
    }

    @Test func rowsWiderThanTheHeaderAddColumns() {
        let table = TextTable(header: ["a"], rows: [["1", "2", "3"]])
        #expect(table.rendered == "a\n-  -  -\n1  2  3\n")
    }

    @Test func renderedRowsLeaveOutHeaderAndRule() {
        let table = TextTable(header: ["name", "v"], rows: [["ab", "1"], ["c", "22"]])
        #expect(table.renderedRows == "ab    1\nc     22\n")
    }

    @Test func rowsWithoutHeader() {
        let table = TextTable(header: [], rows: [["  X", "int", "required"], ["  long", "bool", "default"]])
        #expect(table.renderedRows == "  X     int   required\n  long  bool  default\n")
    }

    @Test func emptyTable() {
        let table = TextTable(header: ["a", "bb"], rows: [])
        #expect(table.rendered == "a  bb\n-  --\n")
        #expect(table.renderedRows == "")
        #expect(TextTable(header: [], rows: []).renderedRows == "")
    }

    @Test func emptyLastColumnGetsAOneDashRule() {
        let table = TextTable(header: ["a", ""], rows: [["1", ""]])
        #expect(table.rendered == "a\n-  -\n1\n")
    }

    @Test func emptyMiddleColumn() {
        let table = TextTable(header: ["", "v"], rows: [["", "1"]])
        #expect(table.rendered == "   v\n-  -\n   1\n")
    }

    @Test func equality() {
        #expect(TextTable(header: ["a"], rows: [["1"]]) == TextTable(header: ["a"], rows: [["1"]]))
        #expect(TextTable(header: ["a"], rows: [["1"]]) != TextTable(header: ["a"], rows: [["2"]]))
    }

    @Test func widthsCountCharacters() {
        let table = TextTable(header: ["w", "n"], rows: [["é👍🏽", "1"]])
        #expect(table.rendered == "w   n\n--  -\né👍🏽  1\n")
    }
}
