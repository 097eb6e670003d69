import CSQLite
import Foundation

/// One open SQLite database, with SQLite's result codes turned into ``SampleStoreError``s.
///
/// Not thread-safe: ``SQLiteSampleStore`` owns it and uses it from one actor.
final class SQLiteConnection {
    /// The file as the user named it.
    let path: String
    let handle: OpaquePointer

    /// How a file is opened.
    enum Access {
        /// Read and write, creating the file if it does not exist.
        case readWrite
        /// Read only, sharing the file with writers (needs the `-shm` file, or a folder to make it in).
        case readOnly
        /// Read only, as a file nothing else changes: no lock and no `-shm` file, for a store in a
        /// folder this process cannot write.
        case immutable
    }

    /// Opens `path`, creating the file if it does not exist when `access` is `.readWrite`.
    init(path: String, access: Access = .readWrite) throws(SampleStoreError) {
        self.path = path
        var opened: OpaquePointer?
        let flags: Int32
        let name: String
        switch access {
        case .readWrite:
            flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
            name = path
        case .readOnly, .immutable:
            flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
            name = Self.uri(path, immutable: access == .immutable)
        }
        let code = sqlite3_open_v2(name, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let reason = opened.map { Self.reason(of: $0) } ?? "SQLite could not allocate memory"
            sqlite3_close_v2(opened)
            throw .cannotOpen(path: path, reason: reason)
        }
        handle = opened
        sqlite3_extended_result_codes(handle, 1)
        // Another process writing the same store waits its turn instead of failing at once.
        sqlite3_busy_timeout(handle, 5000)
    }

    deinit {
        // `close_v2` waits for any statement still alive to be finalized.
        sqlite3_close_v2(handle)
    }

    /// A `file:` URI for `path`, read-only, with the characters a URI reserves escaped.
    private static func uri(_ path: String, immutable: Bool) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:\(escaped)?mode=ro" + (immutable ? "&immutable=1" : "")
    }

    /// True when SQLite opened the file for reading only (the operating system refused writes).
    var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Runs SQL that returns no rows (several statements allowed).
    func execute(_ sql: String, operation: String) throws(SampleStoreError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code: code, operation: operation) }
    }

    /// Compiles one statement for repeated use.
    func prepare(_ sql: String, operation: String) throws(SampleStoreError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code: code, operation: operation) }
        return SQLiteStatement(handle: statement, connection: self, operation: operation)
    }

    /// The first column of the first row of a query, as text; nil when there is no row.
    func scalarText(_ sql: String, operation: String) throws(SampleStoreError) -> String? {
        let statement = try prepare(sql, operation: operation)
        return try statement.step() ? statement.optionalText(0) : nil
    }

    /// The user-facing error for a failed SQLite call.
    func error(code: Int32, operation: String) -> SampleStoreError {
        let systemError = sqlite3_system_errno(handle)
        switch code & 0xff {
        case SQLITE_FULL: return .diskFull(path: path)
        case SQLITE_READONLY: return .readOnly(path: path)
        case SQLITE_BUSY, SQLITE_LOCKED: return .busy(path: path)
        case SQLITE_NOTADB: return .notAStore(path: path)
        case SQLITE_CORRUPT: return .corrupt(path: path)
        case SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: Self.reason(of: handle))
        case SQLITE_IOERR where systemError == ENOSPC: return .diskFull(path: path)
        case SQLITE_IOERR where systemError == EROFS || systemError == EACCES: return .readOnly(path: path)
        default:
            return .database(path: path, operation: operation, code: code, message: Self.reason(of: handle))
        }
    }

    /// SQLite's message, with the operating system's when it has one (`unable to open database file: Is a directory`).
    private static func reason(of handle: OpaquePointer) -> String {
        let message = String(cString: sqlite3_errmsg(handle))
        let systemError = sqlite3_system_errno(handle)
        guard systemError != 0, let system = strerror(systemError) else { return message }
        return "\(message): \(String(cString: system))"
    }
}
