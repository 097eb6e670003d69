import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite("run")
struct RunCommandTests {
    @Test func runsAFileInThisSession() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeFile("x = 2\ny = x * 3\nprint y\ny", named: "script.chorus", in: folder)
        let harness = await Harness.running("base = 1")
        let result = await harness.run("run \(quoted(path))\nz = y + base")
        // The file's four statements count too.
        #expect(result == report(succeeded: 6))
        // Each statement of the file shows behind its prompt before its output, as `--echo` does.
        #expect(
            harness.output.output == "chorus[2]> x = 2\nchorus[3]> y = x * 3\nchorus[4]> print y\n6\nchorus[5]> y\n6\n")
        #expect(harness.output.error == "")
        #expect(await harness.variable("y") == .int(6))
        #expect(await harness.variable("z") == .int(7))
        // The file's statements join the transcript; `run` itself does not.
        #expect(await harness.transcriptTexts() == ["base = 1", "x = 2", "y = x * 3", "print y", "y", "z = y + base"])
        #expect(await harness.session.transcript.map(\.number) == [1, 2, 3, 4, 5, 6])
    }

    @Test func theFileSeesTheSessionsVariablesAndResults() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeFile("b = a + _1", named: "use.chorus", in: folder)
        let harness = await Harness.running("a = 10\nrun \(quoted(path))")
        #expect(await harness.variable("b") == .int(20))
    }

    @Test func errorsInTheFileNameTheFileAndTheRestRuns() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeFile("x = 1\ny = nope\nz = 3\n", named: "bad.chorus", in: folder)
        let harness = await Harness.running("run \(quoted(path))")
        #expect(
            harness.output.error == """
                \(path):2:5: error: no variable or command is named `nope`
                2 | y = nope
                  |     ^~~~

                """)
        #expect(await harness.variable("x") == .int(1))
        #expect(await harness.variable("y") == nil)
        #expect(await harness.variable("z") == .int(3))
    }

    @Test func parseErrorsInTheFile() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeFile("a = 1\nb = (\n  2 +\n)\nc = 3", named: "parse.chorus", in: folder)
        let harness = await Harness.running("run \(quoted(path))")
        #expect(harness.output.error.hasPrefix("\(path):4:1: error: expected a value, found `)`\n4 | )\n"))
        #expect(await harness.variable("a") == .int(1))
        #expect(await harness.variable("c") == .int(3))
    }

    @Test func selfRecursionIsRefused() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("self.chorus")
        let runItself = "run \(quoted(path))"
        try writeFile("x = 1\n" + runItself + "\ny = 2", named: "self.chorus", in: folder)
        let harness = await Harness.running(runItself)
        #expect(
            harness.output.error == """
                \(path):2:5: error: \(quoted(path)) runs itself (directly or through other scripts)
                2 | \(runItself)
                  |     ^\(String(repeating: "~", count: quoted(path).count - 1))

                """)
        #expect(await harness.variable("x") == .int(1))
        #expect(await harness.variable("y") == .int(2))
        #expect(await harness.transcriptTexts() == ["x = 1", "y = 2"])
    }

    @Test func recursionThroughAnotherFileIsRefused() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let a = (folder as NSString).appendingPathComponent("a.chorus")
        let b = (folder as NSString).appendingPathComponent("b.chorus")
        try writeFile("run \(quoted(b))", named: "a.chorus", in: folder)
        try writeFile("run \(quoted(a))\nfromB = 1", named: "b.chorus", in: folder)
        let harness = await Harness.running("run \(quoted(a))")
        #expect(
            harness.output.error.hasPrefix(
                "\(b):1:5: error: \(quoted(a)) runs itself (directly or through other scripts)\n"))
        #expect(await harness.variable("fromB") == .int(1))
    }

    @Test func theSameFileMayRunAgainAfterItFinished() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeFile("n = n + 1", named: "inc.chorus", in: folder)
        let harness = await Harness.running(
            "n = 0\nrun \(quoted(path))\nrun \(quoted(path))", expecting: report(succeeded: 5))
        #expect(await harness.variable("n") == .int(2))
        #expect(harness.output.error == "")
        #expect(await harness.session.scriptStack.isEmpty)
    }

    @Test func nestingUpToTheLimitWorks() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func path(_ index: Int) -> String { (folder as NSString).appendingPathComponent("f\(index).chorus") }
        for index in 0..<16 {
            let text = index == 15 ? "deepest = 15" : "run \(quoted(path(index + 1)))"
            try writeFile(text, named: "f\(index).chorus", in: folder)
        }
        let harness = await Harness.running("run \(quoted(path(0)))")
        #expect(harness.output.error == "")
        #expect(await harness.variable("deepest") == .int(15))
    }

    @Test func nestingBeyondTheLimitIsRefused() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func path(_ index: Int) -> String { (folder as NSString).appendingPathComponent("g\(index).chorus") }
        for index in 0..<17 {
            let text = index == 16 ? "deepest = 16" : "run \(quoted(path(index + 1)))"
            try writeFile(text, named: "g\(index).chorus", in: folder)
        }
        let harness = await Harness.running("run \(quoted(path(0)))")
        #expect(harness.output.error.hasPrefix("\(path(15)):1:5: error: "))
        #expect(await harness.variable("deepest") == nil)
        #expect(await harness.session.scriptStack.isEmpty)
    }

    @Test func missingFile() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("missing.chorus")
        let harness = await Harness.running("run \(quoted(path))", expecting: report(failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:5: error: cannot read \(quoted(path)): no such file
                1 | run \(quoted(path))
                  |     ^\(String(repeating: "~", count: quoted(path).count - 1))
                hint: paths are relative to \(FileManager.default.currentDirectoryPath)

                """)
    }

    @Test func missingFolderAndFolderInsteadOfFile() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inMissing = (folder as NSString).appendingPathComponent("nowhere/x.chorus")
        let harness = await Harness.running("run \(quoted(inMissing))")
        #expect(
            harness.output.error.hasPrefix(
                "t.chorus:1:5: error: cannot read \(quoted(inMissing)): the folder \(folder)/nowhere does not exist\n"))
        let second = Harness()
        await second.run("run \(quoted(folder))")
        #expect(second.output.error.hasPrefix("t.chorus:1:5: error: cannot read \(quoted(folder)): it is a folder\n"))
    }

    @Test func quitInsideAFileStopsEverything() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeFile("a = 1\nquit\nb = 2", named: "quit.chorus", in: folder)
        let harness = await Harness.running("run \(quoted(path))\nc = 3")
        #expect(await harness.variable("a") == .int(1))
        #expect(await harness.variable("b") == nil)
        #expect(await harness.variable("c") == nil)
        #expect(await harness.session.isQuitRequested)
    }

    @Test func aFailureInsideAFileStopsABailingRun() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeFile("a = nope\nb = 2", named: "bail.chorus", in: folder)
        let harness = await Harness.running(
            "run \(quoted(path))\nc = 3", options: Session.Options(stopsAtFirstError: true))
        #expect(await harness.variable("b") == nil)
        #expect(await harness.variable("c") == nil)
    }

    @Test func aFailureInsideAFileIsCounted() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeFile("a = nope\nb = 2", named: "counted.chorus", in: folder)
        await Harness.running(
            "run \(quoted(path))\nc = 3", options: Session.Options(stopsAtFirstError: true),
            expecting: report(succeeded: 1, failed: 1))
    }

    @Test func runIsNotRecordedButTheFileIsNotRunTwiceOnReplay() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeFile("k = 1", named: "k.chorus", in: folder)
        let harness = await Harness.running("run \(quoted(path))")
        #expect(await harness.transcriptTexts() == ["k = 1"])
    }
}
