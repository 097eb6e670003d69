import Foundation

/// A fresh folder under the system's temporary directory: the one way tests get a place to write files.
///
/// By default the folder is removed when the value is released; a helper that hands a path back to its
/// caller asks for one that is not, and the caller removes it (or leaves it to the system).
public final class TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL
    private let removedWhenReleased: Bool

    /// Creates the folder.
    public init(removedWhenReleased: Bool = true) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("chorus-tests-\(UUID().uuidString)", isDirectory: true)
        self.removedWhenReleased = removedWhenReleased
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        if removedWhenReleased { try? FileManager.default.removeItem(at: url) }
    }

    /// The folder's path.
    public var location: String { url.path }

    /// Writes `text` to `name` in the folder and returns its path.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// The path `name` would have in the folder.
    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }
}
