import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite("Session")
struct SessionTests {
    @Test func variablesKeepTheOrderOfFirstAssignment() async {
        let harness = await Harness.running("x = 3\ny = x * 2\nx = 10", expecting: report(succeeded: 3))
        #expect(await harness.variable("x") == .int(10))
        #expect(await harness.variable("y") == .int(6))
        #expect(await harness.variable("z") == nil)
        let list = await harness.session.variableList
        #expect(list.map(\.name) == ["x", "y"])
        #expect(list.map(\.value) == [.int(10), .int(6)])
        #expect(harness.output.combined == "")
    }

    @Test func expressionStatementsShowTheirValue() async {
        let harness = await Harness.running("1 + 2\n\"hi\"\nnone\nx = 5\nx\n[1, \"a\"]")
        #expect(harness.output.output == "3\n\"hi\"\n5\n[1, \"a\"]\n")
        #expect(harness.output.error == "")
    }

    @Test func objectResultsAreShownInFull() async {
        let harness = Harness()
        await harness.session.assign("d", .object(FakeDataset(rows: 2)))
        await harness.run("d\nd.rows")
        #expect(harness.output.output == "dataset with 2 rows\n  first: …\n2\n")
    }

    @Test func resultsAreNumberedInOrder() async {
        let harness = await Harness.running("x = 10\n20\n_ + 1\n_1 + _2")
        #expect(harness.output.output == "20\n21\n30\n")
        #expect(await harness.session.nextResultNumber == 5)
        #expect(await harness.session.results == [.int(10), .int(20), .int(21), .int(30)])
        #expect(await harness.session.transcript.map(\.number) == [1, 2, 3, 4])
        #expect(await harness.transcriptTexts() == ["x = 10", "20", "_ + 1", "_1 + _2"])
    }

    @Test func noneResultsTakeANumberButNotUnderscore() async {
        let harness = await Harness.running("5\nprint \"x\"\n_\n_2")
        // `print` gets result 2 (none); `_` still means the last value, 5.
        #expect(harness.output.output == "5\nx\n5\n")
        #expect(await harness.session.results == [.int(5), .none, .int(5), .none])
        #expect(await harness.session.nextResultNumber == 5)
    }

    @Test func failedStatementChangesNothingAndIsNotRecorded() async {
        let harness = await Harness.running(
            "x = 1\nx = nope + 1\ny = [1, nope]\nz = 1 / 0\nx", expecting: report(succeeded: 2, failed: 3))
        #expect(await harness.variable("x") == .int(1))
        #expect(await harness.variable("y") == nil)
        #expect(await harness.variable("z") == nil)
        #expect(await harness.transcriptTexts() == ["x = 1", "x"])
        #expect(await harness.session.results == [.int(1), .int(1)])
        #expect(harness.output.output == "1\n")
    }

    @Test func parseFailuresAreCountedAndNotRecorded() async {
        let harness = await Harness.running("x = 1\ny = )\nz = nope\nw = 2", expecting: report(succeeded: 2, failed: 2))
        #expect(await harness.transcriptTexts() == ["x = 1", "w = 2"])
        #expect(await harness.session.nextResultNumber == 3)
    }

    @Test func sessionCommandsAreNotRecorded() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/s.chorus"
        let harness = Harness()
        let result = await harness.run(
            "help\nhelp print\nvars\ntimer off\nx = 1\nsave \(quoted(path))\n(help)\nprint x\nquit")
        #expect(result == report(succeeded: 9))
        #expect(await harness.transcriptTexts() == ["x = 1", "print x"])
        #expect(await harness.session.nextResultNumber == 3)
    }

    @Test func aVariableNamedLikeNothingElseIsRecorded() async {
        let harness = await Harness.running("vals = 2\nvals")
        #expect(await harness.transcriptTexts() == ["vals = 2", "vals"])
    }

    @Test func unrecordedExecutionLeavesNumbersAlone() async {
        let harness = await Harness.running("1")
        #expect(await harness.run("x = 5\n7", recorded: false) == report(succeeded: 2))
        #expect(await harness.variable("x") == .int(5))
        #expect(await harness.session.nextResultNumber == 2)
        #expect(await harness.transcriptTexts() == ["1"])
        await harness.run("_")
        #expect(harness.output.output == "1\n7\n1\n")
    }

    @Test func diagnosticsGoToTheErrorStream() async {
        let harness = await Harness.running("print 1\nnope\nprint 2")
        #expect(harness.output.output == "1\n2\n")
        #expect(
            harness.output.combined == """
                1
                t.chorus:2:1: error: no variable or command is named `nope`
                2 | nope
                  | ^~~~
                2

                """)
    }

    @Test func stopsAtFirstRuntimeError() async {
        let harness = await Harness.running(
            "x = 1\ny = nope\nz = 3", options: Session.Options(stopsAtFirstError: true),
            expecting: report(succeeded: 1, failed: 1))
        #expect(await harness.variable("z") == nil)
    }

    @Test func stopsAtFirstParseError() async {
        let harness = await Harness.running(
            "x = 1\ny = )\nz = 3", options: Session.Options(stopsAtFirstError: true),
            expecting: report(succeeded: 1, failed: 1))
        #expect(await harness.variable("z") == nil)
    }

    @Test func withoutStoppingEverythingRuns() async {
        let harness = await Harness.running("x = 1\ny = nope\nz = 3", expecting: report(succeeded: 2, failed: 1))
        #expect(await harness.variable("z") == .int(3))
    }

    @Test func optionsLastOnlyForOneExecution() async {
        let harness = await Harness.running("a = nope\nb = 1", options: Session.Options(stopsAtFirstError: true))
        #expect(await harness.variable("b") == nil)
        #expect(await harness.run("a = nope\nb = 1") == report(succeeded: 1, failed: 1))
        #expect(await harness.variable("b") == .int(1))
    }

    @Test func echoPrintsEachStatementBehindItsPrompt() async {
        let harness = await Harness.running(
            "x = 1\nx + 1\nhelp zzzzzz\nxs = [1,\n  2]", options: Session.Options(echoesStatements: true))
        #expect(
            harness.output.output == """
                chorus[1]> x = 1
                chorus[2]> x + 1
                2
                chorus[3]> help zzzzzz
                chorus[3]> xs = [1,
                     ...>   2]

                """)
    }

    @Test func echoShowsTheLineOfAStatementThatDidNotParse() async {
        let harness = await Harness.running("y = )\nz = 1", options: Session.Options(echoesStatements: true))
        #expect(harness.output.output == "chorus[1]> y = )\nchorus[1]> z = 1\n")
        #expect(harness.output.error.hasPrefix("t.chorus:1:5: error: expected a value after `=`\n"))
    }

    @Test func quitStopsTheRest() async {
        let harness = await Harness.running("x = 1\nquit\ny = 2", expecting: report(succeeded: 2))
        #expect(await harness.session.isQuitRequested)
        #expect(await harness.variable("y") == nil)
    }

    @Test func firstLineOfAChunkNumbersDiagnostics() async {
        let harness = Harness()
        await harness.session.execute(SourceFile(name: "<stdin>", text: "x = 1\nnope", firstLine: 20))
        #expect(
            harness.output.error.hasPrefix("<stdin>:21:1: error: no variable or command is named `nope`\n21 | nope\n"))
    }

    @Test func emptySourceDoesNothing() async {
        let harness = Harness()
        #expect(await harness.run("") == report())
        #expect(await harness.run("# just a comment\n\n") == report())
        #expect(harness.output.combined == "")
    }

    @Test func customRegistryReplacesTheStandardOne() async {
        var registry = CommandRegistry()
        registry.register(PrintCommand())
        let harness = Harness(registry: registry)
        #expect(await harness.run("print 1\nhelp") == report(succeeded: 1, failed: 1))
        #expect(harness.output.output == "1\n")
        #expect(harness.output.error.hasPrefix("t.chorus:2:1: error: no variable or command is named `help`\n"))
    }

    @Test func aRunCancelledBeforeItsFirstStatementSaysSo() async {
        let harness = Harness()
        let report = await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await harness.run("x = 1\ny = 2")
        }.value
        #expect(report.wasInterrupted && report.succeeded == 0)
        #expect(harness.output.error == "stopped: interrupted; the session and its variables are kept\n")
        #expect(await harness.variable("x") == nil)
    }
}
