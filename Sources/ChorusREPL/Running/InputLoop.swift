import ChorusEngine
import ChorusScript
import Foundation

/// Reads statements from a ``LineReader`` and runs them in a session, until Ctrl-D, `quit`, or the end of input.
///
/// The same loop serves the interactive REPL (libedit, prompts, meta-commands)
/// and a pipe (`chorus < file`: no prompt, no colour, like `chorus run`).
/// It is synchronous on purpose: see ``Blocking``.
public struct InputLoop<Reader: LineReader> {
    /// Words after `:` that only the REPL knows.
    public static var metaCommands: [String] { ["history", "output", "mode", "clear"] }

    /// The words each meta-command takes, for completion.
    public static var metaWords: [String: [String]] {
        ["mode": TableMode.allCases.map(\.rawValue), "output": ["off", "\""]]
    }

    /// The reader lines come from.
    public private(set) var reader: Reader
    private let session: Session
    private let isInteractive: Bool
    private let options: Session.Options
    private let completer: Completer?
    private let usesColour: Bool
    private let isInterrupted: () -> Bool
    /// The terminal sink whose table mode and copy file `:mode` and `:output` set.
    private let terminal: StandardOutput?

    /// Creates a loop; `isInteractive` turns on prompts and meta-commands.
    ///
    /// `isInterrupted` is polled while a statement runs; true cancels it (Ctrl-C by default).
    /// `terminal` is the sink `:mode` and `:output` set (without it they say they cannot).
    public init(
        reader: Reader, session: Session, isInteractive: Bool, options: Session.Options = Session.Options(),
        completer: Completer? = nil, usesColour: Bool = false,
        isInterrupted: @escaping () -> Bool = InterruptMonitor.takeInterrupt, terminal: StandardOutput? = nil
    ) {
        self.terminal = terminal
        self.isInterrupted = isInterrupted
        self.reader = reader
        self.session = session
        self.isInteractive = isInteractive
        self.options = options
        self.completer = completer
        self.usesColour = usesColour
    }

    /// Runs until the input ends; returns what all statements did together.
    public mutating func run() -> Session.Report {
        var total = Session.Report()
        var buffer = StatementBuffer()
        var nextLine = 1
        var statementLine = 1
        let session = self.session
        while true {
            let prompt: String
            if !isInteractive {
                prompt = ""
            } else if buffer.isEmpty {
                prompt = paint(
                    Prompt.primary(number: Blocking.run(isInterrupted: nil) { await session.nextResultNumber }))
            } else {
                prompt = paint(Prompt.continuation)
            }
            switch reader.readLine(prompt: prompt) {
            case .endOfInput:
                if !buffer.isEmpty {
                    total.add(execute(buffer.pendingText, firstLine: statementLine, recorded: true))
                }
                return total
            case .interrupted:
                buffer.clear()
                continue
            case .line(let line):
                // A pipe numbers lines through the whole input; each REPL input starts at line 1.
                if buffer.isEmpty { statementLine = isInteractive ? 1 : nextLine }
                nextLine += 1
                guard let text = buffer.append(line) else { continue }
                // A statement typed over several lines is one history entry, recalled whole.
                reader.addToHistory(text)
                let report = dispatch(text, firstLine: statementLine)
                total.add(report)
                if isInteractive, let completer {
                    completer.updateVariables(Blocking.run(isInterrupted: nil) { await session.variableList })
                }
                let shouldStop = Blocking.run(isInterrupted: nil) { await session.isQuitRequested }
                if shouldStop || InterruptMonitor.isTerminating { return total }
                if !isInteractive, options.stopsAtFirstError, report.failed + report.internalErrors > 0 {
                    return total
                }
                if !isInteractive, report.wasInterrupted { return total }
            }
        }
    }

    /// Runs one complete input: `?name`, `:meta`, `clear`, or statements.
    private func dispatch(_ text: String, firstLine: Int) -> Session.Report {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "clear" || (isInteractive && trimmed == ":clear"), !hasVariable(named: "clear") {
            // Clears a terminal; in a pipe it does nothing, so a script that says it still runs.
            if isInteractive, TerminalCapabilities.width(ofTerminal: 1) != nil {
                FileDescriptorWriter.write("\u{1B}[H\u{1B}[2J\u{1B}[3J", to: 1)
            }
            return Session.Report()
        }
        guard isInteractive else { return execute(text, firstLine: firstLine, recorded: true) }
        if trimmed.hasPrefix("?") {
            return execute("help " + trimmed.dropFirst(), firstLine: firstLine, recorded: false)
        }
        if trimmed.hasPrefix(":") {
            let meta = String(trimmed.dropFirst())
            let word = meta.prefix { !$0.isWhitespace }
            let argument = meta.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
            switch word {
            case "history":
                showHistory()
                return Session.Report()
            case "mode", "output":
                let settings = TerminalSettings(output: session.output, terminal: terminal)
                return word == "mode" ? settings.setMode(argument) : settings.setCopy(argument)
            default:
                return execute(meta, firstLine: firstLine, recorded: false)
            }
        }
        return execute(text, firstLine: firstLine, recorded: true)
    }

    private func hasVariable(named name: String) -> Bool {
        let session = self.session
        return Blocking.run(isInterrupted: nil) { await session.variableList.contains { $0.name == name } }
    }

    private func execute(_ text: String, firstLine: Int, recorded: Bool) -> Session.Report {
        let source = SourceFile(name: isInteractive ? "<input>" : "<stdin>", text: text, firstLine: firstLine)
        let session = self.session
        let options = self.options
        return Blocking.run(isInterrupted: isInterrupted) {
            await session.execute(source, options: options, recorded: recorded)
        }
    }

    private func showHistory() {
        let session = self.session
        let entries = Blocking.run(isInterrupted: nil) { await session.transcript }
        if entries.isEmpty {
            session.output.write("no successful statements yet\n")
            return
        }
        var text = ""
        for entry in entries {
            let lines = entry.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                text +=
                    (index == 0 ? "[\(entry.number)] " : String(repeating: " ", count: "[\(entry.number)] ".count))
                    + line + "\n"
            }
        }
        session.output.write(text)
    }

    private func paint(_ prompt: String) -> String {
        guard usesColour else { return prompt }
        // \u{1} … \u{2} tell libedit that the escape bytes take no room on screen. libedit writes
        // such bytes with the character that follows them, so the reset goes before the prompt's
        // closing space: after the last character it was never written, and what the user typed
        // stayed green.
        let body = prompt.reversed().drop { $0 == " " }.reversed()
        let closing = prompt.dropFirst(body.count)
        return "\u{1}\u{1B}[1;32m\u{2}" + String(body) + "\u{1}\u{1B}[0m\u{2}" + closing
    }
}
