import Foundation

/// A JSON Lines file being written: created (replacing any file there), written in chunks of
/// lines, closed when released. Every export writes through it, so they fail the same way.
public final class JSONLinesFile {
    /// The path written.
    public let path: String
    private let handle: FileHandle

    /// Creates (or empties) the file at `path`.
    public init(creating path: String) throws(SampleStoreError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw SampleStoreError.file(
                path: path, reason: "cannot create the file; check that its folder exists and is writable")
        }
        self.path = path
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// Appends lines, each followed by a newline.
    public func append(_ lines: [String]) throws(SampleStoreError) {
        guard !lines.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
        } catch {
            throw SampleStoreError.file(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
