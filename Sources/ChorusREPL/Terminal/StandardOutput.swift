import ChorusScript
import Synchronization

/// The process's standard output and error as an ``OutputSink``.
public final class StandardOutput: OutputSink {
    private let lock = Mutex(())
    /// Whether colour is written (decided from standard error, where diagnostics go).
    public let usesColour: Bool

    /// Creates the sink; colour follows the terminal and the environment.
    public init(environment: [String: String]) {
        usesColour = TerminalCapabilities(fileDescriptor: 2, environment: environment).usesColour
    }

    public func write(_ text: String) {
        lock.withLock { _ in FileDescriptorWriter.write(text, to: 1) }
    }

    public func writeError(_ text: String) {
        lock.withLock { _ in FileDescriptorWriter.write(text, to: 2) }
    }
}
