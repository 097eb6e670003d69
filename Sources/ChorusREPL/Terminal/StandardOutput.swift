import ChorusEngine
import ChorusScript
import Foundation
import Synchronization

/// The process's standard output and error as an ``OutputSink``.
///
/// It also keeps the REPL's two output settings: the ``TableMode`` tables print in (`:mode`), and a
/// file that receives a copy of everything written to standard output (`:output FILE`, as psql's
/// `\o` or sqlite3's `.output`, except that the terminal still shows it).
public final class StandardOutput: OutputSink {
    private let lock = Mutex(())
    /// Whether colour is written (decided from standard error, where diagnostics go).
    public let usesColour: Bool

    /// Whether progress lines are drawn (standard error is a terminal that is not dumb).
    public let showsProgress: Bool
    /// The progress line on screen, redrawn below any message written while it shows.
    private let progressLine = Mutex<String?>(nil)
    /// How tables print.
    private let mode = Mutex(TableMode.text)
    /// The file results are copied to, and its path.
    private let copy = Mutex<(handle: FileHandle, path: String)?>(nil)

    /// Where results go (standard output, 1) and where messages go (standard error, 2).
    private let descriptors: (output: Int32, error: Int32)

    /// Creates the sink; colour and progress follow the terminal and the environment.
    public convenience init(environment: [String: String]) {
        self.init(environment: environment, output: 1, error: 2)
    }

    /// A sink writing results to `output` and messages to `error` (a test's files).
    init(environment: [String: String], output: Int32, error: Int32) {
        let capabilities = TerminalCapabilities(fileDescriptor: error, environment: environment)
        usesColour = capabilities.usesColour
        showsProgress = capabilities.isTerminal
        descriptors = (output, error)
    }

    /// The width of the terminal results go to, read on each call so a resize is followed.
    public var terminalWidth: Int? { TerminalCapabilities.width(ofTerminal: descriptors.output) }

    /// How tables print on standard output (text unless `:mode` changed it).
    public var tableMode: TableMode {
        get { mode.withLock { $0 } }
        set { mode.withLock { $0 = newValue } }
    }

    /// The file results are also written to, if any.
    public var copyPath: String? { copy.withLock { $0?.path } }

    /// Starts copying results to `path` (created, or appended to); nil stops. Throws when the file
    /// cannot be opened, leaving the previous copy as it was.
    public func copyResults(to path: String?) throws {
        guard let path else {
            copy.withLock { current in
                try? current?.handle.close()
                current = nil
            }
            return
        }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission)
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        copy.withLock { current in
            try? current?.handle.close()
            current = (handle, path)
        }
    }

    public func emit(_ part: OutputPart) {
        let mode = tableMode
        switch part {
        case .table(let table) where mode != .text: write(mode.render(table))
        case .plot(let plot) where mode != .text: write(mode.render(plot.table))
        default: TerminalRendering(sink: self).emit(part)
        }
    }

    public func progress(_ line: String?) {
        guard showsProgress else { return }
        progressLine.withLock { $0 = line }
        // \r and erase-line: the progress line is redrawn in place, and cleared at the end.
        lock.withLock { _ in FileDescriptorWriter.write("\r\u{1B}[2K" + (line ?? ""), to: descriptors.error) }
    }

    public func write(_ text: String) {
        lock.withLock { _ in FileDescriptorWriter.write(text, to: descriptors.output) }
        copy.withLock { current in try? current?.handle.write(contentsOf: Data(text.utf8)) }
    }

    public func writeError(_ text: String) {
        let shown = showsProgress ? progressLine.withLock { $0 } : nil
        lock.withLock { _ in
            guard let shown else { return FileDescriptorWriter.write(text, to: descriptors.error) }
            FileDescriptorWriter.write("\r\u{1B}[2K" + text + shown, to: descriptors.error)
        }
    }
}

/// The terminal rendering every sink shares (``OutputSink/emit(_:)``'s default), reached through a
/// sink that does not replace it: ``StandardOutput`` renders tables its own way only in other modes.
private struct TerminalRendering: OutputSink {
    let sink: StandardOutput

    var usesColour: Bool { sink.usesColour }
    var terminalWidth: Int? { sink.terminalWidth }
    func write(_ text: String) { sink.write(text) }
    func writeError(_ text: String) { sink.writeError(text) }
    func progress(_ line: String?) { sink.progress(line) }
}
