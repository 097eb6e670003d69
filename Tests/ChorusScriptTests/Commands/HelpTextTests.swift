import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

/// Help text fitted to a terminal's width.
@Suite struct HelpTextTests {
    @Test func aPipeGetsTheTextWhole() {
        let text = String(repeating: "word ", count: 40)
        #expect(HelpText.wrap(text, width: nil) == text)
    }

    @Test func proseBreaksAtSpacesUnderItsIndent() {
        let wrapped = HelpText.wrap("  one two three four five six seven eight nine ten", width: 20)
        #expect(
            wrapped == """
                  one two three four
                  five six seven
                  eight nine ten
                """)
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 20 })
    }

    @Test func aTableRowContinuesUnderItsLastColumn() {
        let row = "  k:  int  optional  vote over the first k samples of each problem"
        #expect(
            HelpText.wrap(row, width: 44) == """
                  k:  int  optional  vote over the first k
                                     samples of each problem
                """)
    }

    @Test func aLastColumnPastHalfTheWidthIsIndentedLess() {
        let row = "  name:                         string   the label in tables used by compare"
        let wrapped = HelpText.wrap(row, width: 40).split(separator: "\n")
        #expect(wrapped.count > 1)
        #expect(wrapped.dropFirst().allSatisfy { $0.hasPrefix("      ") && !$0.hasPrefix("       ") })
    }

    @Test func helpWrapsToTheTerminalsWidth() async {
        let output = CapturedOutput(terminalWidth: 50)
        let session = Session(output: output)
        _ = await session.execute(SourceFile(name: "t.chorus", text: "help vote"))
        let lines = output.output.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("Groups each problem's answers") })
        // Lines with spaces to break at fit; only an unbreakable word may stick out.
        #expect(lines.filter { $0.count > 50 }.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).contains(" ") })
        let piped = CapturedOutput()
        _ = await Session(output: piped).execute(SourceFile(name: "t.chorus", text: "help vote"))
        #expect(piped.output.split(separator: "\n").contains { $0.count > 50 })
    }
}
