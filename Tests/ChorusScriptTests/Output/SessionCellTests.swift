import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite("Session cells")
struct SessionCellTests {
    static let script = """
        data = builtin arithmetic count: 2 seed: 1
        s = responses data [["#### 3", "#### 4"], ["#### 5", "#### 5"]]
        1 + 1
        metrics s ks: [1]
        vote s k: 9
        help
        x = (
        """

    @Test("every statement becomes a cell with what it showed; session commands do not")
    func cellsHoldTheirParts() async throws {
        let harness = Harness()
        await harness.run(Self.script)
        let cells = await harness.session.cells
        let lines = Self.script.split(separator: "\n").map(String.init)
        #expect(Array(cells.map(\.source).prefix(5)) == Array(lines.prefix(5)))
        #expect(cells.count == 6)
        #expect(cells.map(\.outcome) == [.succeeded, .succeeded, .succeeded, .succeeded, .failed, .failed])
        #expect(cells.map(\.number) == [1, 2, 3, 4, nil, nil])
        #expect(cells[0].parts.isEmpty)
        #expect(cells[2].parts == [.text("2\n")])
        guard case .table(let table) = try #require(cells[3].parts.first) else {
            Issue.record("metrics shows a table part, got \(cells[3].parts)")
            return
        }
        #expect(table.columns.contains { $0.key == "acc" })
        guard case .diagnostic(let diagnostic) = try #require(cells[4].parts.first) else {
            Issue.record("a failed statement keeps its diagnostic, got \(cells[4].parts)")
            return
        }
        #expect(diagnostic.range != nil)
        #expect(cells[5].source == "x = (")
    }

    @Test("the terminal shows exactly what the cells hold, in order")
    func terminalMatchesCells() async {
        let harness = Harness()
        await harness.run(Self.script)
        let cells = await harness.session.cells
        let shown = cells.flatMap(\.parts).map(\.plainText).joined()
        // `help` is shown but is no cell; everything else the terminal showed came from a cell.
        let help = harness.output.output.range(of: "Commands") ?? harness.output.output.range(of: "commands")
        #expect(help != nil)
        for part in cells.flatMap(\.parts) {
            #expect(harness.output.combined.contains(part.plainText))
        }
        #expect(!shown.isEmpty)
    }

    @Test("the statements of a script run by `run` are cells of their own, as the transcript records them")
    func nestedRunIsOneCell() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("inner.chorus")
        try "1 + 2\n\"inner\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let harness = Harness()
        await harness.run("run \(Value.quote(path))\n4")
        let cells = await harness.session.cells
        #expect(cells.map(\.source) == ["1 + 2", "\"inner\"", "4"])
        #expect(cells.map(\.parts) == [[.text("3\n")], [.text("\"inner\"\n")], [.text("4\n")]])
        #expect(await harness.session.transcript.map(\.text) == cells.map(\.source))
    }

    @Test("meta-command sources (recorded: false) leave no cell")
    func unrecordedSourcesLeaveNoCell() async {
        let harness = Harness()
        await harness.run("1 + 1", recorded: false)
        #expect(await harness.session.cells.isEmpty)
    }
}
