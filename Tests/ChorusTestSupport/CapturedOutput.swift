import ChorusScript
import Synchronization

/// Output kept in memory, so a test can read what a session showed.
public final class CapturedOutput: OutputSink {
    private let state = Mutex<(output: String, error: String, combined: String)>(("", "", ""))

    /// The width of the terminal it stands for; nil for a pipe.
    public let terminalWidth: Int?

    /// Creates an empty capture, standing for a terminal `terminalWidth` columns wide (nil: a pipe).
    public init(terminalWidth: Int? = nil) {
        self.terminalWidth = terminalWidth
    }

    public var usesColour: Bool { false }

    public func write(_ text: String) {
        state.withLock {
            $0.output += text
            $0.combined += text
        }
    }

    public func writeError(_ text: String) {
        state.withLock {
            $0.error += text
            $0.combined += text
        }
    }

    /// Everything written to standard output.
    public var output: String { state.withLock { $0.output } }
    /// Everything written to standard error.
    public var error: String { state.withLock { $0.error } }
    /// Both streams interleaved in the order written.
    public var combined: String { state.withLock { $0.combined } }
}
