import Testing

@testable import ChorusREPL

@Suite struct StatementBufferTests {
    @Test func aCompleteLineIsReturnedAtOnce() {
        var buffer = StatementBuffer()
        #expect(buffer.append("x = 1") == "x = 1")
        #expect(buffer.isEmpty)
    }

    @Test func openBracketsWaitForMoreLines() {
        var buffer = StatementBuffer()
        #expect(buffer.append("xs = [1,") == nil)
        #expect(!buffer.isEmpty)
        #expect(buffer.append("  2]") == "xs = [1,\n  2]")
        #expect(buffer.isEmpty)
    }

    @Test func trailingBackslashAndTripleQuotesContinue() {
        var buffer = StatementBuffer()
        #expect(buffer.append("print 1 \\") == nil)
        #expect(buffer.append("  2") == "print 1 \\\n  2")
        #expect(buffer.append("t = \"\"\"first") == nil)
        #expect(buffer.append("second\"\"\"") == "t = \"\"\"first\nsecond\"\"\"")
    }

    @Test func pastedPromptsAreDropped() {
        var buffer = StatementBuffer()
        #expect(buffer.append("chorus[12]> xs = [1,") == nil)
        #expect(buffer.append("     ...> 2]") == "xs = [1,\n2]")
    }

    @Test func clearDropsAHalfTypedStatement() {
        var buffer = StatementBuffer()
        _ = buffer.append("xs = [")
        buffer.clear()
        #expect(buffer.isEmpty)
        #expect(buffer.append("y = 2") == "y = 2")
    }
}
