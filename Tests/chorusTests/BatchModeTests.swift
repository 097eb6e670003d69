import ChorusTestSupport
import Foundation
import Testing

/// `chorus run FILE` and `chorus < FILE`: exit codes, carets, and plain text on a pipe.
@Suite struct BatchModeTests {
    static let scriptWithError = """
        x = 1
        y = x + 1
        print (x + "two")
        print "after the error" y
        """

    @Test func errorAtLineThreeColumnSevenIsReportedWithACaretAndExit65() throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        let file = folder.appendingPathComponent("broken.chorus")
        try Self.scriptWithError.write(to: file, atomically: true, encoding: .utf8)
        let result = try ChorusProcess.chorus(["run", file.path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("\(file.path):3:7: error: cannot apply `+` to int and string"))
        #expect(result.standardError.contains("3 | print (x + \"two\")\n  |       ^~~~~~~~~"))
        #expect(result.standardOutput == "after the error 2\n")
    }

    @Test func bailStopsAtTheFirstError() throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        let file = folder.appendingPathComponent("broken.chorus")
        try Self.scriptWithError.write(to: file, atomically: true, encoding: .utf8)
        let result = try ChorusProcess.chorus(["run", file.path, "--bail"])
        #expect(result.status == 65)
        #expect(result.standardOutput == "")
    }

    @Test func pipedScriptPrintsNoEscapeBytesAndNoPrompt() throws {
        let result = try ChorusProcess.chorus([], input: Self.scriptWithError + "\nhelp print\nvars\n")
        #expect(result.status == 65)
        #expect(result.standardError.contains("<stdin>:3:7: error:"))
        #expect(!result.standardOutput.contains("\u{1B}"))
        #expect(!result.standardError.contains("\u{1B}"))
        #expect(!result.standardOutput.contains("chorus["))
        #expect(result.standardOutput.hasPrefix("after the error 2\n"))
    }

    @Test func pipedStatementsMayContinueOverLines() throws {
        let result = try ChorusProcess.chorus([], input: "xs = [1,\n  2,\n  3]\nxs.count\nr = {a: 1,\n b: 2}\nr.b\n")
        #expect(result.status == 0)
        #expect(result.standardOutput == "3\n2\n")
    }

    @Test func aStatementOfEightThousandLinesThroughAPipe() throws {
        let lines = (0..<8_000).map { "  \($0)," }.joined(separator: "\n")
        let result = try ChorusProcess.chorus([], input: "xs = [\n\(lines)\n]\nxs.count\nxs[-1]\n")
        #expect(result.status == 0)
        #expect(result.standardOutput == "8000\n7999\n")
    }

    @Test func pastedPromptsAreStripped() throws {
        let result = try ChorusProcess.chorus([], input: "chorus[1]> x = 20\nchorus[2]> x * 2\n")
        #expect(result.status == 0)
        #expect(result.standardOutput == "40\n")
    }

    @Test func cleanScriptExitsZeroAndEchoShowsPrompts() throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        let file = folder.appendingPathComponent("ok.chorus")
        try "x = 2\nx * 21\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try ChorusProcess.chorus(["run", "--echo", file.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == "chorus[1]> x = 2\nchorus[2]> x * 21\n42\n")
    }

    @Test func colourOnlyWhenAsked() throws {
        let result = try ChorusProcess.chorus([], input: "nope\n", environment: ["NO_COLOR": "1"])
        #expect(!result.standardError.contains("\u{1B}"))
        #expect(result.standardError.contains("error: no variable or command is named `nope`"))
    }

    @Test func missingFileExits66() throws {
        let result = try ChorusProcess.chorus(["run", "/nonexistent/script.chorus"])
        #expect(result.status == 66)
        #expect(result.standardError.contains("cannot read /nonexistent/script.chorus: no such file"))
    }

    @Test func badCommandLineExits64WithUsage() throws {
        let unknown = try ChorusProcess.chorus(["--frobnicate"])
        #expect(unknown.status == 64)
        #expect(unknown.standardError.contains("unknown option --frobnicate"))
        #expect(unknown.standardError.contains("usage: chorus"))
        let missing = try ChorusProcess.chorus(["run"])
        #expect(missing.status == 64)
        let bareFile = try ChorusProcess.chorus(["x.chorus"])
        #expect(bareFile.status == 64)
        #expect(bareFile.standardError.contains("did you mean `chorus run x.chorus`?"))
    }

    @Test func quitStopsTheScript() throws {
        let result = try ChorusProcess.chorus([], input: "print 1\nquit\nprint 2\n")
        #expect(result.status == 0)
        #expect(result.standardOutput == "1\n")
    }

    @Test func sigtermStopsTheRunningStatementAndEndsTheSession() throws {
        let process = Process()
        process.executableURL = try ChorusProcess.binary
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        let file = folder.appendingPathComponent("long.chorus")
        try "print 1\nsleep 60\nprint 2\n".write(to: file, atomically: true, encoding: .utf8)
        process.arguments = ["run", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Once `print 1` has run, the handlers are installed and the script is on to `sleep`.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("1\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        seen.append(output.fileHandleForReading.readDataToEndOfFile())
        let text = String(decoding: seen, as: UTF8.self)
        // Had SIGTERM not stopped the sleep, the script would have gone on to print 2.
        #expect(process.terminationStatus == 130)
        #expect(text.contains("stopped: interrupted"))
        #expect(!text.contains("2\n"))
    }
}
