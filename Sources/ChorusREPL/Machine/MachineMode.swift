import ChorusEngine
import ChorusScript
import Foundation

/// The machine-readable mode, `chorus --jsonl`: one session driven by JSON requests, one a line on
/// standard input, answered by JSON lines on standard output (the Jupyter kernel drives it).
///
/// An `execute` request is answered by `started`, then each output part as it is emitted, then
/// `done` with the status (`ok`, `error`, `interrupted`) and the result number; `complete` by
/// `completion`, `inspect` by `inspection`; a line that is not a valid request by `error`, and the
/// session goes on. A SIGINT stops the running statement and keeps the session, as Ctrl-C does in
/// the REPL; while no request runs it does nothing. The protocol is described in docs/decisions.md.
public struct MachineMode {
    /// The session requests run in.
    public let session: Session
    private let output: MachineOutput
    private let completer: Completer
    private let isInterrupted: () -> Bool

    /// Creates the mode over a session whose front end is `output`.
    ///
    /// `isInterrupted` is polled while a statement runs (true cancels it) and read once as a
    /// request starts, to drop an interrupt that came while nothing ran.
    public init(
        session: Session, output: MachineOutput, isInterrupted: @escaping () -> Bool = InterruptMonitor.takeInterrupt
    ) {
        self.session = session
        self.output = output
        self.completer = Completer(registry: session.registry)
        self.isInterrupted = isInterrupted
    }

    /// `chorus --jsonl`: serves standard input until it closes or a `shutdown` request comes.
    ///
    /// Replies go to the process's standard output, and only replies: anything else that would be
    /// written there (a child process's log) goes to standard error instead.
    static func main() -> Int32 {
        let channel = dup(1)
        guard channel >= 0, dup2(2, 1) >= 0 else {
            FileHandle.standardError.write(Data("chorus: cannot set up the JSON channel on standard output\n".utf8))
            return ExitStatus.internalError
        }
        let output = MachineOutput { FileDescriptorWriter.write($0, to: channel) }
        var reader = DescriptorLineReader()
        MachineMode(session: Session(output: output), output: output).serve(&reader)
        return ExitStatus.success
    }

    /// Handles requests until the input ends, a `shutdown`, `quit`, or SIGTERM; then ends the
    /// session (the store closed, local engines stopped).
    public func serve(_ reader: inout some LineReader) {
        reading: while !InterruptMonitor.isTerminating {
            switch reader.readLine(prompt: "") {
            case .endOfInput: break reading
            case .interrupted: continue
            case .line(let line):
                if !handle(line) { break reading }
            }
        }
        let session = self.session
        Blocking.run(isInterrupted: nil) { await session.services.shutdown() }
    }

    /// Answers one request line; false when the session should end.
    public func handle(_ line: String) -> Bool {
        guard !line.allSatisfy(\.isWhitespace) else { return true }
        let request: MachineRequest
        switch MachineRequest.parse(line) {
        case .success(let parsed): request = parsed
        case .failure(let error):
            output.reply(["id": error.id, "type": .string("error"), "message": .string(error.message)])
            return true
        }
        switch request.kind {
        case .execute(let code):
            return execute(code, id: request.id)
        case .complete(let code, let cursor):
            let word = CursorWord.completing(code, cursor: cursor)
            let completion = completer.complete(lineBeforeWord: word.lineBefore, word: word.text)
            output.reply([
                "id": request.id, "type": .string("completion"),
                "matches": .array(completion.candidates.map(JSONValue.string)),
                "cursor_start": .integer(word.start), "cursor_end": .integer(word.end),
            ])
        case .inspect(let code, let cursor):
            let help = CursorWord.inspecting(code, cursor: cursor).flatMap { helpText(for: $0.text) }
            output.reply([
                "id": request.id, "type": .string("inspection"), "found": .bool(help != nil),
                "text": help.map(JSONValue.string) ?? .null,
            ])
        case .shutdown:
            output.reply(["id": request.id, "type": .string("done"), "status": .string("ok"), "number": .null])
            return false
        }
        return true
    }

    /// Runs a cell: every statement in it, as one source. `?name` shows help, as in the REPL.
    private func execute(_ code: String, id: JSONValue) -> Bool {
        let session = self.session
        output.requestID = id
        defer { output.requestID = .null }
        _ = isInterrupted()
        output.reply(["id": id, "type": .string("started")])
        let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
        let isHelp = trimmed.hasPrefix("?")
        let source = SourceFile(name: "<cell>", text: isHelp ? "help " + trimmed.dropFirst() : code)
        let before = Blocking.run(isInterrupted: nil) { await session.nextResultNumber }
        let report = Blocking.run(isInterrupted: isInterrupted) {
            await session.execute(source, recorded: !isHelp)
        }
        let (next, variables, isQuitRequested) = Blocking.run(isInterrupted: nil) {
            await (
                session.nextResultNumber, session.variableList.map { (name: $0.name, typeName: $0.value.typeName) },
                session.isQuitRequested
            )
        }
        completer.updateVariables(variables)
        let status =
            report.wasInterrupted ? "interrupted" : report.failed + report.internalErrors > 0 ? "error" : "ok"
        output.reply([
            "id": id, "type": .string("done"), "status": .string(status),
            "number": next > before ? .integer(next - 1) : .null, "next": .integer(next),
        ])
        return !isQuitRequested
    }

    /// What `?name` shows for a command or `syntax`, or a variable's type and value; nil for
    /// anything else.
    private func helpText(for name: String) -> String? {
        if name == "syntax" { return HelpText.syntax }
        if let command = session.registry.command(named: name) { return HelpText.detail(command.signature) }
        let session = self.session
        guard let value = Blocking.run(isInterrupted: nil, { await session.variable(name) }) else { return nil }
        return "\(name): \(value.typeName)\n\(value.summary)\n"
    }
}
