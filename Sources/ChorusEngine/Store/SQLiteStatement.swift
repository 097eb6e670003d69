import CSQLite

/// A compiled SQLite statement, reused by resetting it between runs.
final class SQLiteStatement {
    private let handle: OpaquePointer
    // Kept so the connection outlives its statements.
    private let connection: SQLiteConnection
    private let operation: String

    init(handle: OpaquePointer, connection: SQLiteConnection, operation: String) {
        self.handle = handle
        self.connection = connection
        self.operation = operation
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Clears the last run's state and bindings, ready to bind again.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds text (embedded NULs included) to the 1-based parameter `index`.
    func bind(_ index: Int32, _ text: String) throws(SampleStoreError) {
        var text = text
        let code = text.withUTF8 { bytes in
            // A nil pointer would bind NULL, so the empty string gets a real one.
            guard let base = bytes.baseAddress else { return chorus_sqlite3_bind_text_transient(handle, index, "", 0) }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                chorus_sqlite3_bind_text_transient(handle, index, $0, Int32(bytes.count))
            }
        }
        try check(code)
    }

    /// Binds a key as its 64 hex digits, written on the stack rather than into a `String`.
    func bind(_ index: Int32, _ key: SampleKey) throws(SampleStoreError) {
        let code = key.withHexBytes { bytes in
            chorus_sqlite3_bind_text_transient(
                handle, index, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        }
        try check(code)
    }

    /// Binds text, or NULL when nil.
    func bind(_ index: Int32, _ text: String?) throws(SampleStoreError) {
        guard let text else { return try check(sqlite3_bind_null(handle, index)) }
        try bind(index, text)
    }

    /// Binds an integer, or NULL when nil.
    func bind(_ index: Int32, _ value: Int?) throws(SampleStoreError) {
        guard let value else { return try check(sqlite3_bind_null(handle, index)) }
        try check(sqlite3_bind_int64(handle, index, Int64(value)))
    }

    /// Binds a 64-bit integer.
    func bind(_ index: Int32, _ value: Int64) throws(SampleStoreError) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds a floating-point number, or NULL when nil.
    func bind(_ index: Int32, _ value: Double?) throws(SampleStoreError) {
        guard let value else { return try check(sqlite3_bind_null(handle, index)) }
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Runs to the next row: true when a row is ready to read, false when the statement is done.
    func step() throws(SampleStoreError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let failure = connection.error(code: code, operation: operation)
            sqlite3_reset(handle)
            throw failure
        }
    }

    /// Runs a statement that returns no rows, then resets it.
    func run() throws(SampleStoreError) {
        defer { reset() }
        while try step() {}
    }

    /// Column `column` (0-based) of the current row as text; empty for NULL.
    func text(_ column: Int32) -> String {
        optionalText(column) ?? ""
    }

    /// Column `column` as text, nil for NULL.
    func optionalText(_ column: Int32) -> String? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL, let bytes = sqlite3_column_text(handle, column) else {
            return nil
        }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Column `column` as a sample key, read in place; nil unless it is 64 lowercase hex digits.
    func key(_ column: Int32) -> SampleKey? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return SampleKey(hexBytes: UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// Column `column` as a 64-bit integer (0 for NULL).
    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// Column `column` as an integer, nil for NULL.
    func optionalInt(_ column: Int32) -> Int? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
    }

    /// Column `column` as a floating-point number, nil for NULL.
    func optionalDouble(_ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }

    private func check(_ code: Int32) throws(SampleStoreError) {
        guard code == SQLITE_OK else { throw connection.error(code: code, operation: operation) }
    }
}
