import CEditLine
import Foundation

/// Reads lines through libedit: Emacs keys, arrows, Ctrl-R search, Tab completion, persistent history.
public struct EditLineReader: LineReader {
    private let historyPath: String?

    /// Sets libedit up; history is read from `historyPath` when given.
    public init(historyPath: String?, completer: Completer) {
        self.historyPath = historyPath
        setlocale(LC_CTYPE, "")
        chorus_rl_set_readline_name("chorus")
        chorus_rl_set_catch_signals(0)
        chorus_rl_set_catch_sigwinch(1)
        chorus_rl_set_getc_function { _ in TerminalKey.next(from: 0) }
        CompletionBridge.install(completer)
        rl_initialize()
        stifle_history(5000)
        if let historyPath {
            let folder = (historyPath as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            read_history(historyPath)
        }
    }

    public mutating func readLine(prompt: String) -> LineReadResult {
        _ = InterruptMonitor.takeInterrupt()
        let mode = TerminalMode.withoutEcho(0)
        let line = readline(prompt)
        mode?.restore()
        guard let pointer = line else {
            if InterruptMonitor.isTerminating {
                FileDescriptorWriter.write("\n", to: 1)
                return .endOfInput
            }
            if InterruptMonitor.takeInterrupt() {
                FileDescriptorWriter.write("\n", to: 1)
                return .interrupted
            }
            FileDescriptorWriter.write("\n", to: 1)
            return .endOfInput
        }
        defer { free(pointer) }
        if InterruptMonitor.takeInterrupt() {
            return .interrupted
        }
        return .line(String(cString: pointer))
    }

    public mutating func addToHistory(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        add_history(line)
        if let historyPath { write_history(historyPath) }
    }
}
