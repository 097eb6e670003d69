import Testing

@testable import ChorusEngine

@Suite struct TableCellTests {
    @Test func eachKindIsWrittenAsATerminalShowsIt() {
        #expect(TableCell.none.text(as: .plain) == "")
        #expect(TableCell.bool(true).text(as: .plain) == "yes")
        #expect(TableCell.bool(false).text(as: .plain) == "no")
        #expect(TableCell.int(-3).text(as: .fixed(digits: 2)) == "-3")
        #expect(TableCell.number(0.1).text(as: .plain) == "0.1")
        #expect(TableCell.number(2.0 / 3).text(as: .fixed(digits: 1)) == "0.7")
        #expect(TableCell.number(90).text(as: .duration) == "1 min 30 s")
        #expect(TableCell.interval(lower: 4.16, upper: 29.25).text(as: .fixed(digits: 1)) == "[4.2, 29.3]")
        #expect(TableCell.text("42").text(as: .plain) == "42")
    }

    @Test func clippedTextIsOneLineAndCut() {
        #expect(TableCell.text("a\nb").text(as: .clipped(width: 5)) == "a b")
        #expect(TableCell.text("abcdefgh").text(as: .clipped(width: 5)) == "abcd…")
        #expect(TableCell.text("abcde").text(as: .clipped(width: 5)) == "abcde")
        #expect(TableCell.number(1.5).text(as: .clipped(width: 2)) == "1.5")
    }

    @Test func noneIsNone() {
        #expect(TableCell.none.isNone)
        #expect(!TableCell.text("").isNone)
    }
}
