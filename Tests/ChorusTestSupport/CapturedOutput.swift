import ChorusScript
import Synchronization

/// Output kept in memory, so a test can read what a session showed.
public final class CapturedOutput: OutputSink {
    private let state = Mutex<(output: String, error: String, combined: String)>(("", "", ""))

    /// Creates an empty capture.
    public init() {}

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
