/// Why the sample store could not do what was asked, in words that say what to do next.
public enum SampleStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder that should hold the store could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// The store file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not a Chorus sample store.
    case notAStore(path: String)
    /// The store was written by a newer Chorus whose format this one does not know.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The disk (or the quota) is full.
    case diskFull(path: String)
    /// The file or its folder is read-only.
    case readOnly(path: String)
    /// Another process holds the store locked for longer than the wait allows.
    case busy(path: String)
    /// The file is damaged.
    case corrupt(path: String)
    /// The store was closed and cannot be used any more.
    case closed(path: String)
    /// SQLite reported an error Chorus has no better words for.
    case database(path: String, operation: String, code: Int32, message: String)
    /// An export or import file could not be read or written.
    case file(path: String, reason: String)
    /// One line of an import file is not a valid sample; nothing from the file was imported.
    case invalidLine(path: String, line: Int, reason: String)

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .cannotCreateFolder(let path, let reason):
            "cannot create the folder for the sample store \(path): \(reason); choose another location or fix the folder's permissions"
        case .cannotOpen(let path, let reason):
            "cannot open the sample store \(path): \(reason)"
        case .notAStore(let path):
            "\(path) is not a Chorus sample store; move it away or choose another file"
        case .newerSchema(let path, let found, let supported):
            "the sample store \(path) has format version \(found), but this Chorus reads versions up to \(supported); update Chorus or use another file"
        case .diskFull(let path):
            "cannot write to the sample store \(path): the disk is full; free some space and run again (finished samples are kept)"
        case .readOnly(let path):
            "cannot write to the sample store \(path): it is read-only; check the permissions of the file and its folder"
        case .busy(let path):
            "the sample store \(path) is locked by another process; wait for it to finish or use another file"
        case .corrupt(let path):
            "the sample store \(path) is damaged; restore it from an export or start a new file"
        case .closed(let path):
            "the sample store \(path) was closed; open it again"
        case .database(let path, let operation, let code, let message):
            "the sample store \(path) failed to \(operation): \(message) (SQLite error \(code))"
        case .file(let path, let reason):
            "\(path): \(reason)"
        case .invalidLine(let path, let line, let reason):
            "\(path):\(line): \(reason); nothing was imported"
        }
    }
}
