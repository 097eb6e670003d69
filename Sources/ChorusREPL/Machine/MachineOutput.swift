import ChorusEngine
import ChorusScript
import Synchronization

/// The session's front end in the machine-readable mode: every part becomes one JSON line,
/// `{"id", "type": "part", "part": …}`, tagged with the request that is running.
///
/// Parts may come from several tasks at once (sampling reports progress from each request); one
/// lock keeps each line whole and the lines in the order the parts were emitted.
public final class MachineOutput: OutputSink {
    /// The running request's id; its lock also keeps each line whole and in order.
    private let currentID = Mutex<JSONValue>(.null)
    private let writeLine: @Sendable (String) -> Void

    /// Creates the sink; `writeLine` gets each line with its newline (the mode writes it to the
    /// JSON channel, a test keeps it).
    public init(writeLine: @escaping @Sendable (String) -> Void) {
        self.writeLine = writeLine
    }

    /// No colour: the parts carry plain text and the front end renders them.
    public var usesColour: Bool { false }

    /// The id the parts of the running request are tagged with.
    public var requestID: JSONValue {
        get { currentID.withLock { $0 } }
        set { currentID.withLock { $0 = newValue } }
    }

    public func emit(_ part: OutputPart) {
        let json = part.json
        currentID.withLock { id in writeLine(Self.line(["id": id, "type": .string("part"), "part": json])) }
    }

    public func write(_ text: String) { emit(.text(text)) }

    public func writeError(_ text: String) { emit(.status(text)) }

    public func progress(_ line: String?) { emit(.progress(line)) }

    public func diagnostic(_ diagnostic: Diagnostic) { emit(.diagnostic(diagnostic)) }

    /// Sends a reply that is not a part (`started`, `done`, `completion`, `inspection`, `error`),
    /// in order with the parts.
    public func reply(_ fields: [String: JSONValue]) {
        currentID.withLock { _ in writeLine(Self.line(fields)) }
    }

    private static func line(_ fields: [String: JSONValue]) -> String {
        JSONValue.object(fields).jsonText + "\n"
    }
}
