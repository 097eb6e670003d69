import ChorusEngine
import ChorusScript
import ChorusTestSupport
import Foundation
import Synchronization
import Testing

@testable import ChorusREPL

/// What a scripted run of the machine mode answered.
struct MachineRun: Sendable {
    let replies: [JSONValue]
    let session: Session

    /// The replies to one request, in order.
    func replies(to id: Int) -> [JSONValue] { replies.filter { $0["id"] == .integer(id) } }

    /// The kinds and texts of the parts sent for one request.
    func parts(of id: Int) -> [String] {
        replies(to: id).compactMap { reply in
            guard reply["type"] == .string("part"), case .string(let kind)? = reply["part"]?["kind"] else { return nil }
            if case .string(let text)? = reply["part"]?["text"] { return kind + ": " + text }
            return kind
        }
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        return fields[key]
    }
}

@Suite struct MachineModeTests {
    /// Serves `lines` on a thread of its own (the mode blocks while a request runs), with a clock
    /// nobody advances: a `sleep` ends only when interrupted.
    func serve(
        _ lines: [String], isInterrupted: @escaping @Sendable (ManualClock) -> Bool = { _ in false }
    ) async
        -> MachineRun
    {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                let written = Mutex<[String]>([])
                let output = MachineOutput { line in written.withLock { $0.append(line) } }
                let clock = ManualClock()
                let session = Session(output: output, clock: clock)
                let mode = MachineMode(session: session, output: output, isInterrupted: { isInterrupted(clock) })
                var reader = ScriptedReader(inputs: lines.map(LineReadResult.line))
                mode.serve(&reader)
                let replies = written.withLock { $0 }.map { line in
                    (try? JSONValue(parsing: String(line.dropLast()))) ?? .string("not JSON: " + line)
                }
                continuation.resume(returning: MachineRun(replies: replies, session: session))
            }
            thread.start()
        }
    }

    func execute(_ id: Int, _ code: String) -> String {
        JSONValue.object(["id": .integer(id), "type": .string("execute"), "code": .string(code)]).jsonText
    }

    func done(_ id: Int, _ status: String, number: Int?, next: Int) -> JSONValue {
        .object([
            "id": .integer(id), "type": .string("done"), "status": .string(status),
            "number": number.map(JSONValue.integer) ?? .null, "next": .integer(next),
        ])
    }

    @Test func anExecuteIsStartedThenItsPartsThenDone() async {
        let run = await serve([execute(1, "x = 6 * 7\nx\nprint \"twice\" x")])
        let replies = run.replies(to: 1)
        #expect(replies.first == .object(["id": .integer(1), "type": .string("started")]))
        #expect(run.parts(of: 1) == ["text: 42\n", "text: twice 42\n"])
        #expect(replies.last == done(1, "ok", number: 3, next: 4))
        #expect(run.replies.count == replies.count)
    }

    @Test func aFailedStatementSendsItsDiagnosticAndTheSessionGoesOn() async {
        let run = await serve([execute(1, "y = 2"), execute(2, "nope 3"), execute(3, "y")])
        let diagnostic = run.replies(to: 2).first { $0["type"] == .string("part") }?["part"]
        #expect(diagnostic?["kind"] == .string("diagnostic"))
        #expect(diagnostic?["severity"] == .string("error"))
        #expect(
            diagnostic?["range"]
                == .object([
                    "line": .integer(1), "column": .integer(1), "end_line": .integer(1), "end_column": .integer(5),
                ]))
        guard case .string(let text)? = diagnostic?["text"] else {
            Issue.record("the diagnostic has no text")
            return
        }
        #expect(text.contains("1 | nope 3\n  | ^~~~\n"))
        #expect(run.replies(to: 2).last == done(2, "error", number: nil, next: 2))
        #expect(run.parts(of: 3) == ["text: 2\n"])
        #expect(run.replies(to: 3).last == done(3, "ok", number: 2, next: 3))
    }

    @Test func badRequestsGetAnErrorReplyAndTheSessionGoesOn() async {
        let run = await serve([
            "sample m data", #"{"id": 1, "type": "run"}"#, "   ", #"{"id": 2, "type": "execute"}"#, execute(3, "1 + 1"),
        ])
        #expect(run.replies.count == 6)
        #expect(run.replies[0]["type"] == .string("error"))
        #expect(run.replies[0]["id"] == .null)
        #expect(
            run.replies(to: 1) == [
                .object([
                    "id": .integer(1), "type": .string("error"),
                    "message": .string("unknown request type `run` (expected execute, complete, inspect or shutdown)"),
                ])
            ])
        #expect(run.replies(to: 2).map { $0["type"] } == [.string("error")])
        #expect(run.parts(of: 3) == ["text: 2\n"])
    }

    @Test func anInterruptStopsTheRunningStatementAndKeepsTheSession() async {
        // Ctrl-C comes while the sleep waits (only then: the clock never moves).
        let run = await serve(
            [execute(1, "x = 7"), execute(2, "sleep 30\nprint \"not reached\""), execute(3, "x")],
            isInterrupted: { $0.sleepers > 0 })
        #expect(run.parts(of: 2) == ["status: stopped: interrupted; the session and its variables are kept\n"])
        #expect(run.replies(to: 2).last == done(2, "interrupted", number: nil, next: 2))
        #expect(run.parts(of: 3) == ["text: 7\n"])
        #expect(run.replies(to: 3).last == done(3, "ok", number: 2, next: 3))
        let cells = await run.session.cells
        #expect(cells.map(\.outcome) == [.succeeded, .interrupted, .succeeded])
    }

    @Test func anInterruptWhileIdleDoesNothing() async {
        // The interrupt "arrives" before the request is read: it is dropped when the request starts.
        let pending = Mutex(true)
        let run = await serve([execute(1, "print \"runs\"")]) { _ in
            pending.withLock { (isPending: inout Bool) in
                defer { isPending = false }
                return isPending
            }
        }
        #expect(run.parts(of: 1) == ["text: runs\n"])
        #expect(run.replies(to: 1).last == done(1, "ok", number: 1, next: 2))
    }

    @Test func completionReplacesTheWordBeforeTheCursor() async {
        let complete = JSONValue.object([
            "id": .integer(2), "type": .string("complete"), "code": .string("y = samples.count\nx = sam"),
            "cursor": .integer(25),
        ]).jsonText
        let run = await serve([execute(1, "samples = [1, 2]"), complete])
        #expect(
            run.replies(to: 2) == [
                .object([
                    "id": .integer(2), "type": .string("completion"),
                    "matches": .array([.string("sample"), .string("samples")]),
                    "cursor_start": .integer(22), "cursor_end": .integer(25),
                ])
            ])
    }

    @Test func inspectionShowsACommandsHelpOrAVariable() async {
        func inspect(_ id: Int, _ code: String, _ cursor: Int) -> String {
            JSONValue.object([
                "id": .integer(id), "type": .string("inspect"), "code": .string(code), "cursor": .integer(cursor),
            ]).jsonText
        }
        let run = await serve([
            execute(1, "xs = [1, 2]"), inspect(2, "vote s", 2), inspect(3, "xs", 2), inspect(4, "zz", 1),
        ])
        let vote = run.replies(to: 2).first
        #expect(vote?["found"] == .bool(true))
        let signature = CommandRegistry.standard.command(named: "vote")!.signature
        #expect(vote?["text"] == .string(HelpText.detail(signature)))
        #expect(run.replies(to: 3).first?["text"] == .string("xs: list\n[1, 2]\n"))
        #expect(
            run.replies(to: 4)
                == [.object(["id": .integer(4), "type": .string("inspection"), "found": .bool(false), "text": .null])])
    }

    @Test func questionMarkShowsHelpWithoutACell() async {
        let run = await serve([execute(1, "?sleep")])
        let signature = CommandRegistry.standard.command(named: "sleep")!.signature
        #expect(run.parts(of: 1) == ["text: " + HelpText.detail(signature)])
        #expect(run.replies(to: 1).last == done(1, "ok", number: nil, next: 1))
        #expect(await run.session.cells.isEmpty)
    }

    @Test func shutdownAndQuitEndTheSession() async {
        let shutdown = await serve([#"{"id": 1, "type": "shutdown"}"#, execute(2, "1")])
        #expect(
            shutdown.replies
                == [.object(["id": .integer(1), "type": .string("done"), "status": .string("ok"), "number": .null])])
        let quit = await serve([execute(1, "quit"), execute(2, "1")])
        #expect(quit.replies(to: 1).last?["status"] == .string("ok"))
        #expect(quit.replies(to: 2).isEmpty)
    }
}
