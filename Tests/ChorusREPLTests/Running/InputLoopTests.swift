import ChorusScript
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusREPL

/// A reader that plays back scripted lines: a deterministic stand-in for a terminal.
struct ScriptedReader: LineReader {
    var inputs: [LineReadResult]
    var prompts: [String] = []
    /// Called with each line handed out (a test arms an interrupt for the statement it starts).
    var onRead: (String) -> Void = { _ in }
    var history: [String] = []

    mutating func readLine(prompt: String) -> LineReadResult {
        prompts.append(prompt)
        let next = inputs.isEmpty ? LineReadResult.endOfInput : inputs.removeFirst()
        if case .line(let text) = next { onRead(text) }
        return next
    }

    mutating func addToHistory(_ line: String) { history.append(line) }
}

/// A command that fails inside Chorus, to see internal errors handled.
struct BrokenCommand: Command {
    struct Failure: Error {}
    let signature = CommandSignature(
        name: "broken", group: .session, summary: "Always fails.", discussion: "Fails.", examples: ["broken"])

    func run(_ invocation: Invocation) async throws -> Value { throw Failure() }
}

/// What one scripted loop run left behind.
struct LoopRun: Sendable {
    let report: Session.Report
    let output: CapturedOutput
    let session: Session
    let prompts: [String]
    let history: [String]
}

@Suite struct InputLoopTests {
    /// Runs the synchronous loop on its own thread, as the REPL's main thread would,
    /// so that it never blocks a thread of the concurrency pool it waits on.
    func loop(
        _ lines: [LineReadResult], interactive: Bool, options: Session.Options = Session.Options(),
        interruptDuring interruptedLine: String? = nil, terminal: StandardOutput? = nil
    ) async -> LoopRun {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                let output = CapturedOutput()
                var registry = CommandRegistry.standard
                registry.register(BrokenCommand())
                // A clock nobody advances: a `sleep` ends only when interrupted.
                let session = Session(registry: registry, output: output, clock: ManualClock())
                // Ctrl-C "pressed" once, while the statement read from `interruptedLine` runs.
                var armed = false
                var reader = ScriptedReader(inputs: lines)
                reader.onRead = { armed = $0 == interruptedLine }
                var loop = InputLoop(
                    reader: reader, session: session, isInteractive: interactive,
                    options: options,
                    isInterrupted: {
                        defer { armed = false }
                        return armed
                    }, terminal: terminal)
                let report = loop.run()
                continuation.resume(
                    returning: LoopRun(
                        report: report, output: output, session: session, prompts: loop.reader.prompts,
                        history: loop.reader.history))
            }
            thread.start()
        }
    }

    @Test func interactivePromptsAreNumberedAndContinued() async {
        let result = await loop([.line("x = 1"), .line("xs = [1,"), .line("2]"), .line("xs.count")], interactive: true)
        #expect(result.prompts == ["chorus[1]> ", "chorus[2]> ", "     ...> ", "chorus[3]> ", "chorus[4]> "])
        #expect(result.output.output == "2\n")
        #expect(result.report.succeeded == 3)
    }

    @Test func interruptDropsTheHalfTypedStatement() async {
        let result = await loop([.line("xs = [1,"), .interrupted, .line("y = 2"), .line("y")], interactive: true)
        #expect(result.output.output == "2\n")
        #expect(result.output.error == "")
        #expect(result.prompts[2] == "chorus[1]> ")
    }

    @Test func questionMarkShowsHelpAndIsNotRecorded() async {
        let result = await loop([.line("?sleep"), .line(":vars")], interactive: true)
        #expect(result.output.output.hasPrefix("sleep SECONDS\n"))
        #expect(result.output.output.contains("no variables yet"))
        let transcript = await result.session.transcript
        #expect(transcript.isEmpty)
    }

    @Test func colonRunsACommandWithoutRecordingIt() async {
        let result = await loop([.line("x = 5"), .line(":print x"), .line(":history")], interactive: true)
        #expect(result.output.output == "5\n[1] x = 5\n")
        let transcript = await result.session.transcript
        #expect(transcript.map(\.text) == ["x = 5"])
    }

    @Test func pipeNumbersLinesThroughTheWholeInput() async {
        let result = await loop([.line("x = 1"), .line(""), .line("y = x +")], interactive: false)
        #expect(result.output.error.hasPrefix("<stdin>:3:8: error:"))
        #expect(result.report.failed == 1)
        #expect(result.prompts.allSatisfy { $0.isEmpty })
    }

    @Test func pipeWithBailStopsAtTheFirstFailure() async {
        let options = Session.Options(stopsAtFirstError: true)
        let result = await loop([.line("nope"), .line("print 2")], interactive: false, options: options)
        #expect(result.report.failed == 1)
        #expect(result.output.output == "")
    }

    @Test func interruptDuringAStatementStopsItAndKeepsTheSession() async throws {
        // The session's clock never moves, so only the interrupt can end the sleep.
        let result = await loop(
            [.line("x = 7"), .line("sleep 30"), .line("x")], interactive: true, interruptDuring: "sleep 30")
        #expect(result.output.error == "stopped: interrupted; the session and its variables are kept\n")
        #expect(result.output.output == "7\n")
        let transcript = await result.session.transcript
        #expect(transcript.map(\.text) == ["x = 7", "x"])
    }

    @Test func quitEndsTheLoop() async {
        let result = await loop([.line("print 1"), .line("quit"), .line("print 2")], interactive: true)
        #expect(result.output.output == "1\n")
    }

    @Test func internalErrorIsReportedAndTheSessionGoesOn() async {
        let result = await loop([.line("broken"), .line("print 3")], interactive: true)
        #expect(result.report.internalErrors == 1)
        #expect(result.output.error.contains("internal error"))
        #expect(result.output.output == "3\n")
    }

    @Test func unfinishedStatementAtEndOfInputIsStillReported() async {
        let result = await loop([.line("xs = [1,")], interactive: false)
        #expect(result.report.failed == 1)
        #expect(result.output.error.contains("expected"))
    }

    @Test func aStatementOverSeveralLinesIsOneHistoryEntry() async {
        let result = await loop(
            [
                .line("x = 1"), .line("bad ("), .line(")"), .line("xs = [1,"), .interrupted, .line("y = [2,"),
                .line("3]"),
            ],
            interactive: true)
        #expect(result.history == ["x = 1", "bad (\n)", "y = [2,\n3]"])
    }

    @Test func clearIsHarmlessInAPipeAndNotAStatement() async {
        let result = await loop([.line("clear"), .line("x = 1"), .line(":clear")], interactive: false)
        #expect(result.output.output == "")
        #expect(result.report.succeeded == 1)
        #expect(result.report.failed == 1)  // `:clear` is the REPL's, not a script's
        let interactive = await loop([.line("clear"), .line(":clear")], interactive: true)
        #expect(interactive.report == Session.Report())
        #expect(interactive.output.combined == "")
        let transcript = await interactive.session.transcript
        #expect(transcript.isEmpty)
    }

    @Test func aVariableNamedClearIsShown() async {
        let result = await loop([.line("clear = 2"), .line("clear")], interactive: true)
        #expect(result.output.output == "2\n")
    }

    @Test func modeSetsHowTheTerminalPrintsTables() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        let files = try TerminalFiles(in: folder)
        let terminal = StandardOutput(environment: [:], output: files.output, error: files.error)
        let result = await loop(
            [.line(":mode"), .line(":mode csv"), .line(":mode html"), .line("print (vars)")], interactive: true,
            terminal: terminal)
        #expect(terminal.tableMode == .csv)
        #expect(result.output.output.hasPrefix("mode text\n"))
        #expect(result.output.error.contains("tables print as csv"))
        #expect(result.output.error.contains("error: `html` is not a table mode"))
        #expect(result.output.error.contains("hint: modes: `text`, `markdown`, `csv`, `json`"))
        #expect(result.report.failed == 1)
    }

    @Test func outputCopiesResultsToAFileUntilOff() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        let files = try TerminalFiles(in: folder)
        let terminal = StandardOutput(environment: [:], output: files.output, error: files.error)
        let log = folder.appendingPathComponent("log.txt").path
        let result = await loop(
            [
                .line(":output \(Value.quote(log))"), .line(":output"), .line(":output off"), .line(":output"),
                .line(":output \"/nonexistent/folder/x.txt\""),
            ],
            interactive: true, terminal: terminal)
        #expect(result.output.output == "output copied to \(log)\noutput goes to the terminal only\n")
        #expect(result.output.error.contains("output also goes to \(log) (`:output off` stops)"))
        #expect(result.output.error.contains("stopped copying output to \(log)"))
        #expect(result.output.error.contains("error: cannot write /nonexistent/folder/x.txt"))
        #expect(terminal.copyPath == nil)
    }
}

@Suite struct InputLoopLoopTests {
    @Test func aLoopTypedAtThePromptContinuesUntilItsEnd() async {
        let lines = ["for k in [1, 2]", "  print k", "end", "k"]
        let result = await InputLoopTests().loop(lines.map { .line($0) }, interactive: true)
        #expect(result.prompts == ["chorus[1]> ", "     ...> ", "     ...> ", "chorus[2]> ", "chorus[3]> "])
        #expect(result.output.output == "── k = 1 ──\n1\n── k = 2 ──\n2\n2\n")
        #expect(await result.session.transcript.map(\.text) == ["for k in [1, 2]\n  print k\nend", "k"])
    }

    @Test func aPipeReadsALoopAsTheREPLDoesAndReportsOneWithoutEnd() async {
        let lines = ["x = 1", "for k in [1, 2]", "  print k", "end", "for k in [3]", "  print k"]
        let result = await InputLoopTests().loop(lines.map { .line($0) }, interactive: false)
        #expect(result.output.output == "── k = 1 ──\n1\n── k = 2 ──\n2\n")
        #expect(result.output.error.hasPrefix("<stdin>:5:1: error: this `for` has no `end`\n"))
        #expect(result.report.succeeded == 2 && result.report.failed == 1)
    }
}

/// Files standing for a terminal's standard output and error, for a ``StandardOutput`` under test.
struct TerminalFiles {
    let output: Int32
    let error: Int32
    let outputPath: String

    init(in folder: URL) throws {
        outputPath = folder.appendingPathComponent("stdout").path
        output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        error = open(folder.appendingPathComponent("stderr").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }

    /// What was written to the output file.
    var written: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
}
