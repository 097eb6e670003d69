import ChorusTestSupport
import Foundation
import Testing

/// `chorus run FILE --notebook OUT`: the run written as a notebook or report, with its comments as prose.
@Suite struct NotebookCommandLineTests {
    static let script = """
        # Two numbers.
        x = 1
        x + 1
        # A mistake, kept with its caret.
        nosuch 3
        vars
        """

    @Test func writesEachFormatWithTheOutputsAndExitsAsTheRunDid() throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.chorus")
        try Self.script.write(to: file, atomically: true, encoding: .utf8)
        for name in ["t.ipynb", "t.md", "t.html"] {
            let out = folder.appendingPathComponent(name)
            let result = try ChorusProcess.chorus(["run", file.path, "--notebook", out.path])
            #expect(result.status == 65)
            #expect(result.standardOutput.hasPrefix("2\n"))
            let text = try String(contentsOf: out, encoding: .utf8)
            for shown in ["Two numbers.", "A mistake, kept with its caret.", "unknown command", "^~~~~~", "x + 1"] {
                #expect(text.contains(shown), "\(name) lacks \(shown)")
            }
            // A notebook of a script shows its session commands too: `vars` lists x.
            #expect(text.contains("vars"), "\(name) lacks the vars statement")
        }
    }

    @Test func anotherExtensionIsAUsageErrorAndRunsNothing() throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.chorus")
        try "print \"ran\"".write(to: file, atomically: true, encoding: .utf8)
        let result = try ChorusProcess.chorus([
            "run", file.path, "--notebook", folder.appendingPathComponent("t.pdf").path,
        ])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("chorus: --notebook writes a file ending in .ipynb, .md or .html"))
        #expect(result.standardOutput == "")
        let withoutRun = try ChorusProcess.chorus(["--notebook", "x.ipynb"])
        #expect(withoutRun.status == 64)
        #expect(withoutRun.standardError.hasPrefix("chorus: --notebook goes with `chorus run FILE`"))
    }

    @Test func anUnwritableNotebookExits73() throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.chorus")
        try "x = 1".write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("missing/t.ipynb")
        let result = try ChorusProcess.chorus(["run", file.path, "--notebook", out.path])
        #expect(result.status == 73)
        #expect(result.standardError.contains("cannot write \"\(out.path)\": the folder"))
    }
}
