import ChorusScript
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

    @Test func aStatementOfEightThousandLinesIsGatheredWhole() {
        var buffer = StatementBuffer()
        #expect(buffer.append("xs = [") == nil)
        for index in 0..<8_000 { #expect(buffer.append("\(index),") == nil) }
        let text = buffer.append("]")
        #expect(text?.hasPrefix("xs = [\n0,\n1,\n") == true)
        #expect(text?.split(separator: "\n").count == 8_002)
        #expect(buffer.isEmpty)
    }

    @Test(arguments: [
        ["xs = [1,", "2]"], ["r = {a: (1,", "2)", "}"], ["t = \"\"\"a", "b \\", "c\"\"\" + 1"],
        ["x = ]", "y = ["], ["a = 'no close", "b = 2"], ["s = \"\"\"x\"\"\" \\", "  + \"\"\"", "[\"\"\""],
        ["# a comment (", "x = ("], ["x = \"(\"", "y = 1 \\  # more", "+ 2"], ["x = [ # ]", "]"],
        ["f = \"\\u{28}\" \\"], ["x = ([)]", "1"],
    ])
    func lineByLineReadingAgreesWithReadingTheWholeText(lines: [String]) {
        var state = Lexer.Continuation()
        for count in 1...lines.count {
            state = Lexer.continuation(after: lines[count - 1], from: state)
            let whole = lines[..<count].joined(separator: "\n")
            #expect(state.needsMoreInput == Lexer.needsMoreInput(whole), "after \(whole.debugDescription)")
        }
    }
}

@Suite struct StatementBufferLoopTests {
    @Test func aLoopIsGatheredUpToItsEnd() {
        var buffer = StatementBuffer()
        #expect(buffer.append("sets = for t in [0.3, 0.7]") == nil)
        #expect(buffer.append("  for k in [1, 2]") == nil)
        #expect(buffer.append("    print t k") == nil)
        #expect(buffer.append("  end") == nil)
        #expect(buffer.append("end") == "sets = for t in [0.3, 0.7]\n  for k in [1, 2]\n    print t k\n  end\nend")
        #expect(buffer.isEmpty)
        #expect(buffer.append("for k in [1]; print k; end") == "for k in [1]; print k; end")
    }
}
