import ChorusScript
import Synchronization

/// Output kept in memory, so a test can read what a session showed.
public final class CapturedOutput: OutputSink {
    private let state = Mutex<(output: String, error: String, combined: String)>(("", "", ""))
    private let progressLines = Mutex<[String?]>([])

    /// The width of the terminal it stands for; nil for a pipe.
    public let terminalWidth: Int?

    /// Whether it stands for a terminal that shows progress lines, which it then keeps.
    public let showsProgress: Bool

    /// Creates an empty capture, standing for a terminal `terminalWidth` columns wide (nil: a pipe),
    /// that shows progress when `showsProgress` says so.
    public init(terminalWidth: Int? = nil, showsProgress: Bool = false) {
        self.terminalWidth = terminalWidth
        self.showsProgress = showsProgress
    }

    public func progress(_ line: String?) {
        guard showsProgress else { return }
        progressLines.withLock { $0.append(line) }
    }

    /// The progress lines shown, in order (nil where the line was cleared).
    public var progress: [String?] { progressLines.withLock { $0 } }

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
