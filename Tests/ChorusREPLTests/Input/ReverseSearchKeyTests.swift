import Testing

@testable import ChorusREPL

@Suite struct ReverseSearchKeyTests {
    @Test func libeditsInvisiblePromptStretchesTakeNoColumns() {
        #expect(ReverseSearchKey.visibleWidth("chorus[1]> ") == 11)
        #expect(ReverseSearchKey.visibleWidth("\u{1}\u{1B}[1;32m\u{2}chorus[1]> \u{1}\u{1B}[0m\u{2}") == 11)
        #expect(ReverseSearchKey.visibleWidth("\u{1}\u{1B}[1;32m\u{1}ab") == 2)
    }

    @Test func theCursorPositionCountsLineBreaksAndWrappedRows() {
        #expect(ReverseSearchKey.position(after: "abc", startingAt: 11, width: 20) == (0, 14))
        #expect(ReverseSearchKey.position(after: "abcdefghij", startingAt: 11, width: 20) == (1, 1))
        #expect(ReverseSearchKey.position(after: "abcdefghi", startingAt: 11, width: 20) == (1, 0))
        #expect(ReverseSearchKey.position(after: "xs = [1,\n2, 3]", startingAt: 11, width: 20) == (1, 5))
        #expect(ReverseSearchKey.position(after: "a\n\nb", startingAt: 0, width: 20) == (2, 1))
        #expect(
            ReverseSearchKey.position(after: String(repeating: "x", count: 20) + "\nb", startingAt: 0, width: 20) == (
                2, 1
            ))
    }

    @Test func searchLinesRedrawInPlace() {
        var lines = SearchLines(width: 20)
        #expect(lines.erasing == "\r\u{1B}[J")
        let first = lines.drawing("(reverse-i-search)'x': xs = [1,\n2, 3]")
        #expect(first == "\r\u{1B}[J(reverse-i-search)'x': xs = [1,\r\n2, 3]")
        // 32 columns, then a line break: the cursor is two rows down; going back up clears all three.
        #expect(lines.erasing == "\r\u{1B}[2A\u{1B}[J")
        let full = lines.drawing(String(repeating: "y", count: 20))
        #expect(full == "\r\u{1B}[2A\u{1B}[J" + String(repeating: "y", count: 20) + " \r")
        #expect(lines.erasing == "\r\u{1B}[1A\u{1B}[J")
    }
}
