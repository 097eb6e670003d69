import ChorusScript
import Synchronization

/// The process's standard output and error as an ``OutputSink``.
public final class StandardOutput: OutputSink {
    private let lock = Mutex(())
    /// Whether colour is written (decided from standard error, where diagnostics go).
    public let usesColour: Bool

    /// Whether progress lines are drawn (standard error is a terminal that is not dumb).
    public let showsProgress: Bool
    /// The progress line on screen, redrawn below any message written while it shows.
    private let progressLine = Mutex<String?>(nil)

    /// Creates the sink; colour and progress follow the terminal and the environment.
    public init(environment: [String: String]) {
        let capabilities = TerminalCapabilities(fileDescriptor: 2, environment: environment)
        usesColour = capabilities.usesColour
        showsProgress = capabilities.isTerminal
    }

    /// The width of the terminal on standard output, read on each call so a resize is followed.
    public var terminalWidth: Int? { TerminalCapabilities.width(ofTerminal: 1) }

    public func progress(_ line: String?) {
        guard showsProgress else { return }
        progressLine.withLock { $0 = line }
        // \r and erase-line: the progress line is redrawn in place, and cleared at the end.
        lock.withLock { _ in FileDescriptorWriter.write("\r\u{1B}[2K" + (line ?? ""), to: 2) }
    }

    public func write(_ text: String) {
        lock.withLock { _ in FileDescriptorWriter.write(text, to: 1) }
    }

    public func writeError(_ text: String) {
        let shown = showsProgress ? progressLine.withLock { $0 } : nil
        lock.withLock { _ in
            guard let shown else { return FileDescriptorWriter.write(text, to: 2) }
            FileDescriptorWriter.write("\r\u{1B}[2K" + text + shown, to: 2)
        }
    }
}
