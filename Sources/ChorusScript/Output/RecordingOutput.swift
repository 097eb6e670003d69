import Synchronization

/// The sink a session writes to: it passes every part to the front end and keeps the parts of the
/// statement that is running, so the statement's cell holds what it showed.
final class RecordingOutput: OutputSink {
    /// The front end's sink.
    let frontEnd: any OutputSink
    /// The parts of the open cell; nil when no statement is being recorded.
    private let parts = Mutex<[OutputPart]?>(nil)

    init(frontEnd: any OutputSink) { self.frontEnd = frontEnd }

    var usesColour: Bool { frontEnd.usesColour }

    var terminalWidth: Int? { frontEnd.terminalWidth }

    var showsProgress: Bool { frontEnd.showsProgress }

    func emit(_ part: OutputPart) {
        if case .progress = part {
        } else {
            parts.withLock { $0?.append(part) }
        }
        frontEnd.emit(part)
    }

    func write(_ text: String) { emit(.text(text)) }

    func writeError(_ text: String) { emit(.status(text)) }

    func progress(_ line: String?) { emit(.progress(line)) }

    func diagnostic(_ diagnostic: Diagnostic) { emit(.diagnostic(diagnostic)) }

    /// Starts keeping parts; returns false (and changes nothing) when a cell is already open, as
    /// for the statements of a script that `run` runs, whose output belongs to the `run` cell.
    func open() -> Bool {
        parts.withLock {
            guard $0 == nil else { return false }
            $0 = []
            return true
        }
    }

    /// Whether a cell is open.
    var isOpen: Bool { parts.withLock { $0 != nil } }

    /// Stops keeping parts and returns those of the cell.
    func close() -> [OutputPart] {
        parts.withLock { parts in
            defer { parts = nil }
            return parts ?? []
        }
    }
}
