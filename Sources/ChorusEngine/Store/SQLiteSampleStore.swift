import Foundation

/// The durable sample store: one SQLite file in WAL mode, one committed row per finished sample.
///
/// Format 2 keeps each distinct prompt once, in `prompts`; a sample row names its prompt by id
/// (a prompt is most of a row's bytes, and a request's samples all share one). A format-1 file
/// (the prompt's text in every row) is migrated in one transaction when it is opened for writing,
/// and read as it is when it can only be read.
///
/// A ``save(contentsOf:)`` is one transaction, so a crash or a kill loses nothing that had been
/// reported saved. `synchronous=NORMAL` in WAL mode keeps every commit across a process crash;
/// only a power loss can drop the last commits, never damage the file. ``close()`` checkpoints the
/// WAL, so after a clean exit the `.sqlite` file holds everything on its own.
///
/// A file (or folder) this process cannot write still opens, read-only: lookups return what it
/// holds, and samples saved during the session are kept in memory (``sessionOnlyCount()``) where
/// lookups, pages, ``backup(to:)`` and exports find them, instead of being thrown away.
public actor SQLiteSampleStore: SampleStore {
    /// The newest format version this build reads and writes.
    public static let schemaVersion = 2
    /// Marks the file as a Chorus store (`PRAGMA application_id`, "CHRS").
    static let applicationID: Int32 = 0x4348_5253
    /// Keys looked up per query; a short last batch repeats its last key.
    static let lookupBatchSize = 500
    /// The most of the file SQLite reads through a memory mapping (`PRAGMA mmap_size`), 1 GiB.
    static let mappedBytes = 1 << 30

    /// The columns of a sample row, the prompt (format 2: `prompt_id`) third.
    private static let rowColumns = [
        "key", "model_identity", "problem_id", "prompt", "parameters", "seed", "sample_index", "text",
        "finish_reason", "prompt_tokens", "completion_tokens", "latency", "mean_logprob", "score", "created_at_ms",
    ]
    /// What ``responses(for:)`` reads: the key's slot in the batch, then the response, not the
    /// prompt and parameters its key stands for.
    private static let responseColumns = """
        wanted.slot, s.text, s.finish_reason, s.prompt_tokens, s.completion_tokens, s.latency, s.mean_logprob, \
        s.score, s.created_at_ms
        """

    /// The store file.
    public nonisolated let path: String
    /// True when the file cannot be written: saves go to ``sessionOnly`` instead.
    public nonisolated let isReadOnly: Bool
    private var statements: Statements?
    /// Samples saved while the file is read-only, kept for the session.
    private var sessionOnly: [SampleKey: StoredSample] = [:]

    /// Opens the store at `path`, creating it and its folders when missing; a store the operating
    /// system will not let this process write opens read-only, as does every store when `readOnly`.
    public init(path: String, readOnly: Bool = false) throws(SampleStoreError) {
        self.path = path
        if !readOnly {
            do throws(SampleStoreError) {
                try Self.createParentFolders(of: path)
                let connection = try SQLiteConnection(path: path)
                guard !connection.isReadOnly else { throw .readOnly(path: path) }
                try Self.prepareSchema(connection)
                statements = try Statements(connection)
                isReadOnly = false
                return
            } catch {
                guard Self.mayOpenReadOnly(path, after: error) else { throw error }
                do {
                    statements = try Self.openReadOnly(path)
                } catch _ {
                    throw error
                }
                isReadOnly = true
                return
            }
        }
        statements = try Self.openReadOnly(path)
        isReadOnly = true
    }

    /// Opens the store at the default location for `environment` (see ``SampleStoreLocation``).
    public init(environment: [String: String]) throws(SampleStoreError) {
        guard let path = SampleStoreLocation.defaultPath(environment: environment) else {
            throw .cannotOpen(
                path: "~/.local/share/chorus/\(SampleStoreLocation.fileName)",
                reason: "neither XDG_DATA_HOME nor HOME is set")
        }
        try self.init(path: path)
    }

    /// Checkpoints the WAL into the file and closes it; later calls fail with ``SampleStoreError/closed(path:)``.
    public func close() async {
        if let statements, !isReadOnly {
            // Best effort: a reader in another process may hold part of the WAL back; SQLite's own
            // checkpoint when the last connection closes then finishes the work.
            try? statements.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)", operation: "checkpoint the store")
        }
        statements = nil
    }

    /// The stored samples among `keys`, looked up in batches.
    public func samples(for keys: [SampleKey]) throws(SampleStoreError) -> [SampleKey: StoredSample] {
        var found: [SampleKey: StoredSample] = [:]
        try lookUp(keys, with: open().lookup) { (row, _) throws(SampleStoreError) in
            let sample = try read(row)
            found[sample.key] = sample
        }
        for key in keys { if let kept = sessionOnly[key] { found[key] = kept } }
        return found
    }

    /// The stored responses among `keys`, looked up in batches, in the order of `keys`; a rerun's read.
    /// The query returns each row with its key's slot in the batch, so a row goes straight to its
    /// place: no key is parsed back and no map of keys is built.
    public func responses(for keys: [SampleKey]) async throws(SampleStoreError) -> [StoredResponse?] {
        var found = [StoredResponse?](repeating: nil, count: keys.count)
        try lookUp(keys, with: open().responseLookup) { (row, batch) throws(SampleStoreError) in
            let slot = Int(row.int64(0))
            // A short last batch repeats its last key in the slots past its end.
            guard slot < batch.count else { return }
            found[batch.lowerBound + slot] = StoredResponse(
                sample: Sample(
                    text: row.text(1), finishReason: row.optionalText(2), promptTokens: row.optionalInt(3),
                    completionTokens: row.optionalInt(4), latency: row.optionalDouble(5),
                    meanLogProbability: row.optionalDouble(6), score: row.optionalDouble(7)),
                createdAtMilliseconds: row.int64(8))
        }
        guard !sessionOnly.isEmpty else { return found }
        for (place, key) in keys.enumerated() {
            if let kept = sessionOnly[key] {
                found[place] = StoredResponse(sample: kept.sample, createdAtMilliseconds: kept.createdAtMilliseconds)
            }
        }
        return found
    }

    /// Runs `query` (whose `?1…?N` are keys) over `keys` in batches, handing `read` each row it
    /// finds with the batch's places in `keys`.
    private func lookUp(
        _ keys: [SampleKey], with query: SQLiteStatement,
        read: (SQLiteStatement, Range<Int>) throws(SampleStoreError) -> Void
    ) throws(SampleStoreError) {
        var start = 0
        while start < keys.count {
            let batch = start..<min(start + Self.lookupBatchSize, keys.count)
            defer { query.reset() }
            for slot in 0..<Self.lookupBatchSize {
                try query.bind(Int32(slot + 1), keys[min(batch.lowerBound + slot, batch.upperBound - 1)])
            }
            while try query.step() { try read(query, batch) }
            start += Self.lookupBatchSize
        }
    }

    /// Stores one sample in its own transaction, replacing any with the same key.
    public func save(_ sample: StoredSample) throws(SampleStoreError) {
        try save(contentsOf: [sample])
    }

    /// Stores several samples in one transaction: all or none.
    public func save(contentsOf samples: [StoredSample]) throws(SampleStoreError) {
        let statements = try open()
        guard !isReadOnly else {
            for sample in samples { sessionOnly[sample.key] = sample }
            return
        }
        try Self.insert(samples, with: statements)
    }

    /// Inserts `samples` in one transaction: all or none. Each distinct prompt is looked up (and
    /// added when new) once per call: a response's samples share one.
    private static func insert(_ samples: [StoredSample], with statements: Statements) throws(SampleStoreError) {
        try statements.begin.run()
        do {
            var promptIDs: [String: Int64] = [:]
            for sample in samples {
                let promptID: Int64
                if let known = promptIDs[sample.prompt] {
                    promptID = known
                } else {
                    promptID = try statements.promptID(for: sample.prompt)
                    promptIDs[sample.prompt] = promptID
                }
                let insert = try statements.write().insert
                try bind(sample, promptID: promptID, to: insert)
                try insert.run()
            }
            try statements.commit.run()
        } catch {
            try? statements.rollback.run()
            throw error
        }
    }

    /// The number of samples stored, those kept for the session included.
    public func count() throws(SampleStoreError) -> Int {
        let count = try open().count
        defer { count.reset() }
        _ = try count.step()
        let keptKeys = Array(sessionOnly.keys)
        var alsoInFile = 0
        try lookUp(keptKeys, with: open().lookup) { _, _ in alsoInFile += 1 }
        return Int(count.int64(0)) + keptKeys.count - alsoInFile
    }

    /// Samples saved this session that only memory holds, because the file is read-only.
    public func sessionOnlyCount() async -> Int { sessionOnly.count }

    /// Up to `limit` samples in key order after `key`, those kept for the session included.
    public func samples(after key: SampleKey?, limit: Int) throws(SampleStoreError) -> [StoredSample] {
        let page = try open().page
        defer { page.reset() }
        try page.bind(1, key?.hex ?? "")
        try page.bind(2, max(0, limit))
        var samples: [StoredSample] = []
        while try page.step() { samples.append(try read(page)) }
        guard !sessionOnly.isEmpty else { return samples }
        var merged = Dictionary(samples.map { ($0.key, $0) }, uniquingKeysWith: { $1 })
        for (kept, sample) in sessionOnly where key.map({ kept > $0 }) ?? true { merged[kept] = sample }
        return merged.keys.sorted().prefix(max(0, limit)).map { merged[$0]! }
    }

    /// Writes a consistent copy of the store, the samples kept for the session included, to a new
    /// file at `destination` (a complete SQLite file, no WAL); returns how many samples it holds.
    public func backup(to destination: String) async throws(SampleStoreError) -> Int {
        let statements = try open()
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw .file(path: destination, reason: "the file already exists")
        }
        try Self.createParentFolders(of: destination)
        // VACUUM INTO reads one snapshot, so writers (this session's or another process's) may go on.
        let literal = "'" + destination.replacingOccurrences(of: "'", with: "''") + "'"
        try statements.connection.execute("VACUUM INTO \(literal)", operation: "back up the store to \(destination)")
        // A copy of a format-1 file is moved to format 2 before its statements are compiled.
        let connection = try SQLiteConnection(path: destination)
        try Self.prepareSchema(connection)
        let copy = try Statements(connection)
        try Self.insert(Array(sessionOnly.values), with: copy)
        try copy.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)", operation: "checkpoint the backup")
        defer { copy.count.reset() }
        _ = try copy.count.step()
        return Int(copy.count.int64(0))
    }

    /// The journal mode SQLite reports (`wal` once the store is open).
    public func journalMode() throws(SampleStoreError) -> String {
        try open().connection.scalarText("PRAGMA journal_mode", operation: "read the journal mode") ?? ""
    }

    private func open() throws(SampleStoreError) -> Statements {
        guard let statements else { throw .closed(path: path) }
        return statements
    }

    // MARK: Opening

    /// Whether a store that failed to open for writing is worth opening read-only: the operating
    /// system refused to write (the file, its folder, or the `-shm` file SQLite makes there) and the
    /// file is there to read. A foreign, newer or damaged file keeps its own error.
    private static func mayOpenReadOnly(_ path: String, after error: SampleStoreError) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        switch error {
        case .readOnly, .cannotCreateFolder: return true
        case .cannotOpen:
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        case .database:
            let folder = (path as NSString).deletingLastPathComponent
            return access(path, W_OK) != 0 || access(folder.isEmpty ? "." : folder, W_OK) != 0
        default: return false
        }
    }

    /// Opens an existing store for reading: shared with writers when SQLite can, else as an
    /// immutable file (a folder that cannot hold the `-shm` file).
    private static func openReadOnly(_ path: String) throws(SampleStoreError) -> Statements {
        do {
            return try readStatements(SQLiteConnection(path: path, access: .readOnly))
        } catch {
            do {
                return try openImmutable(path)
            } catch _ {
                throw error
            }
        }
    }

    /// Opens a store whose folder cannot hold the `-shm` file. SQLite then reads the file only as
    /// immutable, which ignores a `-wal` left by a writer that never closed (a crash, a kill): so when
    /// there is one, the store and its log are copied to a private folder and opened there, where
    /// SQLite replays the log; the copies are unlinked at once, and the open connection keeps reading
    /// them until it closes, so nothing is left behind even if this process is killed.
    private static func openImmutable(_ path: String) throws(SampleStoreError) -> Statements {
        let log = path + "-wal"
        let logBytes = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
        guard logBytes > 0 else {
            return try readStatements(SQLiteConnection(path: path, access: .immutable))
        }
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("chorus-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let copy = (folder as NSString).appendingPathComponent("samples.sqlite")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            try FileManager.default.copyItem(atPath: log, toPath: copy + "-wal")
        } catch {
            throw .cannotOpen(
                path: path, reason: "its write-ahead log can only be read from a copy, and copying failed: \(error)")
        }
        return try readStatements(SQLiteConnection(path: copy, access: .readOnly))
    }

    /// The statements of an opened store, once its schema is one this build reads.
    private static func readStatements(_ connection: SQLiteConnection) throws(SampleStoreError) -> Statements {
        try checkSchema(connection)
        return try Statements(connection)
    }

    private static func createParentFolders(of path: String) throws(SampleStoreError) {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        var prefix = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            prefix += "/" + component
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix, isDirectory: &isFolder) {
                guard isFolder.boolValue else {
                    throw .cannotCreateFolder(path: path, reason: "\(prefix) is a file, not a folder")
                }
                continue
            }
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw .cannotCreateFolder(path: path, reason: "\(prefix): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The names of the file's tables, read without writing anything.
    private static func tableNames(_ connection: SQLiteConnection) throws(SampleStoreError) -> Set<String> {
        let tables = try connection.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            operation: "read the file's tables")
        var names: Set<String> = []
        while try tables.step() { names.insert(tables.text(0)) }
        return names
    }

    /// Checks that the file is a Chorus store this build can read, writing nothing.
    private static func checkSchema(_ connection: SQLiteConnection) throws(SampleStoreError) {
        let names = try tableNames(connection)
        // An empty file opened read-only has no tables to read from: there is nothing to return.
        guard names.contains("chorus_meta"), names.contains("samples") else {
            throw names.isEmpty ? .readOnly(path: connection.path) : .notAStore(path: connection.path)
        }
        try checkVersion(connection)
    }

    /// Checks that the file is empty or a Chorus store this build can read, and creates the tables.
    private static func prepareSchema(_ connection: SQLiteConnection) throws(SampleStoreError) {
        // Read before writing anything, so a foreign database is left exactly as it was.
        let names = try tableNames(connection)
        guard names.isEmpty || names.contains("chorus_meta") else { throw .notAStore(path: connection.path) }

        let mode = try connection.scalarText("PRAGMA journal_mode = WAL", operation: "switch to WAL mode")
        guard mode?.lowercased() == "wal" else {
            throw .cannotOpen(
                path: connection.path,
                reason: "SQLite cannot use WAL mode for this file (journal mode \(mode ?? "unknown"))")
        }
        try connection.execute("PRAGMA synchronous = NORMAL", operation: "set synchronous mode")

        if names.isEmpty {
            // IF NOT EXISTS and OR IGNORE: another process may create the same store at the same moment.
            try connection.execute(
                """
                BEGIN IMMEDIATE;
                PRAGMA application_id = \(applicationID);
                CREATE TABLE IF NOT EXISTS chorus_meta (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                INSERT OR IGNORE INTO chorus_meta (name, value) VALUES ('schema_version', '\(schemaVersion)');
                \(tablesSQL(samples: "samples", ifNotExists: true))
                CREATE INDEX IF NOT EXISTS samples_by_problem ON samples (model_identity, problem_id);
                COMMIT;
                """,
                operation: "create the store's tables")
        }
        try checkVersion(connection)
        try migrate(connection)
    }

    /// The prompts table and a format-2 samples table named `samples`.
    private static func tablesSQL(samples: String, ifNotExists: Bool) -> String {
        let create = ifNotExists ? "CREATE TABLE IF NOT EXISTS" : "CREATE TABLE"
        return """
            \(create) prompts (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
            \(create) \(samples) (
                key TEXT PRIMARY KEY NOT NULL,
                model_identity TEXT NOT NULL,
                problem_id TEXT NOT NULL,
                prompt_id INTEGER NOT NULL REFERENCES prompts (id),
                parameters TEXT NOT NULL,
                seed INTEGER,
                sample_index INTEGER NOT NULL,
                text TEXT NOT NULL,
                finish_reason TEXT,
                prompt_tokens INTEGER,
                completion_tokens INTEGER,
                latency REAL,
                mean_logprob REAL,
                score REAL,
                created_at_ms INTEGER NOT NULL
            );
            """
    }

    /// Moves a format-1 file to format 2 in one transaction: every distinct prompt into `prompts`,
    /// every row copied with its prompt's id, in the order it was stored. Another process may be
    /// migrating the same file, so the version is read again once the write lock is held.
    private static func migrate(_ connection: SQLiteConnection) throws(SampleStoreError) {
        guard try formatVersion(connection) == 1 else { return }
        try connection.execute("BEGIN IMMEDIATE", operation: "start moving the store to format 2")
        do throws(SampleStoreError) {
            if try formatVersion(connection) == 1 {
                let copied = rowColumns.filter { $0 != "prompt" }
                try connection.execute(
                    """
                    \(tablesSQL(samples: "samples_v2", ifNotExists: false))
                    INSERT INTO prompts (text) SELECT prompt FROM samples GROUP BY prompt ORDER BY min(rowid);
                    INSERT INTO samples_v2 (prompt_id, \(copied.joined(separator: ", ")))
                        SELECT p.id, \(copied.map { "s." + $0 }.joined(separator: ", "))
                        FROM samples s JOIN prompts p ON p.text = s.prompt ORDER BY s.rowid;
                    DROP TABLE samples;
                    ALTER TABLE samples_v2 RENAME TO samples;
                    CREATE INDEX samples_by_problem ON samples (model_identity, problem_id);
                    UPDATE chorus_meta SET value = '2' WHERE name = 'schema_version';
                    """,
                    operation: "move the store to format 2")
            }
            try connection.execute("COMMIT", operation: "finish moving the store to format 2")
        } catch {
            try? connection.execute("ROLLBACK", operation: "roll back the move to format 2")
            throw error
        }
    }

    private static func checkVersion(_ connection: SQLiteConnection) throws(SampleStoreError) {
        let number = try formatVersion(connection)
        guard number <= schemaVersion else {
            throw .newerSchema(path: connection.path, found: number, supported: schemaVersion)
        }
    }

    /// The file's format version (`chorus_meta`'s `schema_version`).
    private static func formatVersion(_ connection: SQLiteConnection) throws(SampleStoreError) -> Int {
        let version = try connection.scalarText(
            "SELECT value FROM chorus_meta WHERE name = 'schema_version'", operation: "read the format version")
        guard let version, let number = Int(version), number >= 1 else { throw .notAStore(path: connection.path) }
        return number
    }

    // MARK: Rows

    private static func bind(
        _ sample: StoredSample, promptID: Int64, to insert: SQLiteStatement
    ) throws(SampleStoreError) {
        try insert.bind(1, sample.key)
        try insert.bind(2, sample.modelIdentity)
        try insert.bind(3, sample.problemID)
        try insert.bind(4, promptID)
        try insert.bind(5, sample.parameters)
        try insert.bind(6, sample.seed)
        try insert.bind(7, sample.sampleIndex)
        try insert.bind(8, sample.sample.text)
        try insert.bind(9, sample.sample.finishReason)
        try insert.bind(10, sample.sample.promptTokens)
        try insert.bind(11, sample.sample.completionTokens)
        try insert.bind(12, sample.sample.latency)
        try insert.bind(13, sample.sample.meanLogProbability)
        try insert.bind(14, sample.sample.score)
        try insert.bind(15, sample.createdAtMilliseconds)
    }

    private func read(_ row: SQLiteStatement) throws(SampleStoreError) -> StoredSample {
        guard let key = row.key(0) else { throw .corrupt(path: path) }
        return StoredSample(
            key: key,
            modelIdentity: row.text(1), problemID: row.text(2), prompt: row.text(3), parameters: row.text(4),
            seed: row.optionalInt(5), sampleIndex: row.optionalInt(6) ?? 0,
            sample: Sample(
                text: row.text(7), finishReason: row.optionalText(8), promptTokens: row.optionalInt(9),
                completionTokens: row.optionalInt(10), latency: row.optionalDouble(11),
                meanLogProbability: row.optionalDouble(12), score: row.optionalDouble(13)),
            createdAt: Date(timeIntervalSince1970: Double(row.int64(14)) / 1000))
    }

    /// The connection with its statements, compiled once and reused for every call. A format-1
    /// file (only ever open read-only: a writable open migrates it) reads the prompt from its own
    /// column and has no ``Writer``.
    private final class Statements {
        /// What saving needs: the insert, and finding or adding a prompt.
        struct Writer {
            let insert: SQLiteStatement
            let addPrompt: SQLiteStatement
            let findPrompt: SQLiteStatement
        }

        let connection: SQLiteConnection
        let writer: Writer?
        let lookup: SQLiteStatement
        let responseLookup: SQLiteStatement
        let page: SQLiteStatement
        let count: SQLiteStatement
        let begin: SQLiteStatement
        let commit: SQLiteStatement
        let rollback: SQLiteStatement

        init(_ connection: SQLiteConnection) throws(SampleStoreError) {
            self.connection = connection
            // Pages are read from a mapping of the file rather than copied into SQLite's 2 MB cache:
            // a rerun's lookups land on random pages of the key index, which that cache cannot hold.
            try connection.execute("PRAGMA mmap_size = \(SQLiteSampleStore.mappedBytes)", operation: "map the store")
            let placeholders = (1...SQLiteSampleStore.lookupBatchSize).map { "?\($0)" }.joined(separator: ",")
            let columns = SQLiteSampleStore.rowColumns
            let rows: String
            if try SQLiteSampleStore.formatVersion(connection) >= 2 {
                let read = columns.map { $0 == "prompt" ? "p.text" : "s." + $0 }.joined(separator: ", ")
                rows = "SELECT \(read) FROM samples s JOIN prompts p ON p.id = s.prompt_id"
                let written = columns.map { $0 == "prompt" ? "prompt_id" : $0 }.joined(separator: ", ")
                let values = columns.indices.map { "?\($0 + 1)" }.joined(separator: ",")
                writer = Writer(
                    insert: try connection.prepare(
                        "INSERT OR REPLACE INTO samples (\(written)) VALUES (\(values))", operation: "save a sample"),
                    addPrompt: try connection.prepare(
                        "INSERT OR IGNORE INTO prompts (text) VALUES (?1)", operation: "save a prompt"),
                    findPrompt: try connection.prepare(
                        "SELECT id FROM prompts WHERE text = ?1", operation: "find a prompt"))
            } else {
                rows = "SELECT \(columns.map { "s." + $0 }.joined(separator: ", ")) FROM samples s"
                writer = nil
            }
            lookup = try connection.prepare("\(rows) WHERE s.key IN (\(placeholders))", operation: "look up samples")
            // CROSS JOIN keeps the keys the outer loop: one index probe per key, in slot order.
            let slots = (1...SQLiteSampleStore.lookupBatchSize).map { "(\($0 - 1), ?\($0))" }.joined(separator: ",")
            responseLookup = try connection.prepare(
                """
                WITH wanted (slot, key) AS (VALUES \(slots)) SELECT \(SQLiteSampleStore.responseColumns) \
                FROM wanted CROSS JOIN samples s ON s.key = wanted.key
                """,
                operation: "look up samples")
            page = try connection.prepare(
                "\(rows) WHERE s.key > ?1 ORDER BY s.key LIMIT ?2", operation: "read samples")
            count = try connection.prepare("SELECT count(*) FROM samples", operation: "count samples")
            begin = try connection.prepare("BEGIN IMMEDIATE", operation: "start a transaction")
            commit = try connection.prepare("COMMIT", operation: "commit samples")
            rollback = try connection.prepare("ROLLBACK", operation: "roll back samples")
        }

        /// The writer; a format-1 file has none (it is only ever open read-only).
        func write() throws(SampleStoreError) -> Writer {
            guard let writer else { throw .readOnly(path: connection.path) }
            return writer
        }

        /// The id of `prompt` in `prompts`, added when new; inside the caller's transaction.
        func promptID(for prompt: String) throws(SampleStoreError) -> Int64 {
            let writer = try write()
            try writer.addPrompt.bind(1, prompt)
            try writer.addPrompt.run()
            defer { writer.findPrompt.reset() }
            try writer.findPrompt.bind(1, prompt)
            guard try writer.findPrompt.step() else { throw .corrupt(path: connection.path) }
            return writer.findPrompt.int64(0)
        }
    }
}
