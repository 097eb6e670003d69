import ChorusEngine
import ChorusScript
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusREPL

/// The terminal sink's table mode and its copy of the results.
@Suite struct StandardOutputTests {
    static let table = DataTable(columns: [TableColumn("k"), TableColumn("acc")], rows: [[.int(4), .number(0.5)]])

    @Test func tablesPrintInTheModeAndTextIsUnchanged() throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        let files = try TerminalFiles(in: folder)
        let sink = StandardOutput(environment: [:], output: files.output, error: files.error)
        sink.emit(.table(Self.table))
        sink.tableMode = .csv
        sink.emit(.table(Self.table))
        sink.emit(.text("plain\n"))
        sink.tableMode = .text
        sink.emit(.table(Self.table))
        #expect(files.written == Self.table.rendered + "k,acc\n4,0.5\n" + "plain\n" + Self.table.rendered)
    }

    @Test func resultsAreCopiedToTheFileAndStillShown() throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        let files = try TerminalFiles(in: folder)
        let sink = StandardOutput(environment: [:], output: files.output, error: files.error)
        let log = folder.appendingPathComponent("log.txt").path
        try "before\n".write(toFile: log, atomically: true, encoding: .utf8)
        sink.write("not copied\n")
        try sink.copyResults(to: log)
        #expect(sink.copyPath == log)
        sink.tableMode = .markdown
        sink.emit(.table(Self.table))
        sink.writeError("status is not copied\n")
        try sink.copyResults(to: nil)
        sink.write("after\n")
        let markdown = TableMode.markdown.render(Self.table)
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "before\n" + markdown)
        #expect(files.written == "not copied\n" + markdown + "after\n")
        #expect(throws: (any Error).self) { try sink.copyResults(to: "/nonexistent/folder/log.txt") }
    }
}
