import ChorusScript
import Synchronization

/// The process's standard output and error as an ``OutputSink``.
public final class StandardOutput: OutputSink {
    private let lock = Mutex(())
    /// Whether colour is written (decided from standard error, where diagnostics go).
    public let usesColour: Bool

    /// Whether progress lines are drawn (standard error is a terminal that is not dumb).
    public let showsProgress: Bool
    private let progressShown = Mutex(false)

    /// Creates the sink; colour and progress follow the terminal and the environment.
    public init(environment: [String: String]) {
        let capabilities = TerminalCapabilities(fileDescriptor: 2, environment: environment)
        usesColour = capabilities.usesColour
        showsProgress = capabilities.isTerminal
    }

    public func progress(_ line: String?) {
        guard showsProgress else { return }
        lock.withLock { _ in
            // \r and erase-line: the progress line is redrawn in place, and cleared at the end.
            FileDescriptorWriter.write("\r\u{1B}[2K" + (line ?? ""), to: 2)
        }
        progressShown.withLock { $0 = line != nil }
    }

    public func write(_ text: String) {
        lock.withLock { _ in FileDescriptorWriter.write(text, to: 1) }
    }

    public func writeError(_ text: String) {
        if progressShown.withLock({ $0 }) { progress(nil) }
        lock.withLock { _ in FileDescriptorWriter.write(text, to: 2) }
    }
}
