import Foundation

/// The durable sample store: one SQLite file in WAL mode, one committed row per finished sample.
///
/// Each ``save(_:)`` is its own transaction, so a crash or a kill loses nothing that had been
/// reported saved. `synchronous=NORMAL` in WAL mode keeps every commit across a process crash;
/// only a power loss can drop the last commits, never damage the file.
public actor SQLiteSampleStore: SampleStore {
    /// The newest format version this build reads and writes.
    public static let schemaVersion = 1
    /// Marks the file as a Chorus store (`PRAGMA application_id`, "CHRS").
    static let applicationID: Int32 = 0x4348_5253
    /// Keys looked up per query; a short last batch repeats its last key.
    static let lookupBatchSize = 128

    private static let columns = """
        key, model_identity, problem_id, prompt, parameters, seed, sample_index, text, finish_reason, \
        prompt_tokens, completion_tokens, latency, mean_logprob, score, created_at_ms
        """

    /// The store file.
    public nonisolated let path: String
    private var statements: Statements?

    /// Opens the store at `path`, creating it and its folders when missing.
    public init(path: String) throws(SampleStoreError) {
        self.path = path
        try Self.createParentFolders(of: path)
        let connection = try SQLiteConnection(path: path)
        try Self.prepareSchema(connection)
        statements = try Statements(connection)
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

    /// Closes the file; later calls fail with ``SampleStoreError/closed(path:)``.
    public func close() {
        statements = nil
    }

    /// The stored samples among `keys`, looked up in batches.
    public func samples(for keys: [SampleKey]) throws(SampleStoreError) -> [SampleKey: StoredSample] {
        let lookup = try open().lookup
        var found: [SampleKey: StoredSample] = [:]
        var start = 0
        while start < keys.count {
            let batch = keys[start..<min(start + Self.lookupBatchSize, keys.count)]
            defer { lookup.reset() }
            for slot in 0..<Self.lookupBatchSize {
                try lookup.bind(Int32(slot + 1), batch[min(batch.startIndex + slot, batch.endIndex - 1)].hex)
            }
            while try lookup.step() {
                let sample = try read(lookup)
                found[sample.key] = sample
            }
            start += Self.lookupBatchSize
        }
        return found
    }

    /// Stores one sample in its own transaction, replacing any with the same key.
    public func save(_ sample: StoredSample) throws(SampleStoreError) {
        let insert = try open().insert
        try Self.bind(sample, to: insert)
        try insert.run()
    }

    /// Stores several samples in one transaction: all or none.
    public func save(contentsOf samples: [StoredSample]) throws(SampleStoreError) {
        let statements = try open()
        try statements.begin.run()
        do {
            for sample in samples {
                try Self.bind(sample, to: statements.insert)
                try statements.insert.run()
            }
            try statements.commit.run()
        } catch {
            try? statements.rollback.run()
            throw error
        }
    }

    /// The number of samples stored.
    public func count() throws(SampleStoreError) -> Int {
        let count = try open().count
        defer { count.reset() }
        _ = try count.step()
        return Int(count.int64(0))
    }

    /// Up to `limit` samples in key order after `key`.
    public func samples(after key: SampleKey?, limit: Int) throws(SampleStoreError) -> [StoredSample] {
        let page = try open().page
        defer { page.reset() }
        try page.bind(1, key?.hex ?? "")
        try page.bind(2, max(0, limit))
        var samples: [StoredSample] = []
        while try page.step() { samples.append(try read(page)) }
        return samples
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

    /// Checks that the file is empty or a Chorus store this build can read, and creates the tables.
    private static func prepareSchema(_ connection: SQLiteConnection) throws(SampleStoreError) {
        // Read before writing anything, so a foreign database is left exactly as it was.
        let tables = try connection.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            operation: "read the file's tables")
        var names: Set<String> = []
        while try tables.step() { names.insert(tables.text(0)) }
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
                CREATE TABLE IF NOT EXISTS samples (
                    key TEXT PRIMARY KEY NOT NULL,
                    model_identity TEXT NOT NULL,
                    problem_id TEXT NOT NULL,
                    prompt TEXT NOT NULL,
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
                CREATE INDEX IF NOT EXISTS samples_by_problem ON samples (model_identity, problem_id);
                COMMIT;
                """,
                operation: "create the store's tables")
        }

        let version = try connection.scalarText(
            "SELECT value FROM chorus_meta WHERE name = 'schema_version'", operation: "read the format version")
        guard let version, let number = Int(version), number >= 1 else { throw .notAStore(path: connection.path) }
        guard number <= schemaVersion else {
            throw .newerSchema(path: connection.path, found: number, supported: schemaVersion)
        }
    }

    // MARK: Rows

    private static func bind(_ sample: StoredSample, to insert: SQLiteStatement) throws(SampleStoreError) {
        try insert.bind(1, sample.key.hex)
        try insert.bind(2, sample.modelIdentity)
        try insert.bind(3, sample.problemID)
        try insert.bind(4, sample.prompt)
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
        guard let key = SampleKey(hex: row.text(0)) else { throw .corrupt(path: path) }
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

    /// The connection with its statements, compiled once and reused for every call.
    private final class Statements {
        let connection: SQLiteConnection
        let insert: SQLiteStatement
        let lookup: SQLiteStatement
        let page: SQLiteStatement
        let count: SQLiteStatement
        let begin: SQLiteStatement
        let commit: SQLiteStatement
        let rollback: SQLiteStatement

        init(_ connection: SQLiteConnection) throws(SampleStoreError) {
            self.connection = connection
            let placeholders = (1...SQLiteSampleStore.lookupBatchSize).map { "?\($0)" }.joined(separator: ",")
            insert = try connection.prepare(
                "INSERT OR REPLACE INTO samples (\(SQLiteSampleStore.columns)) VALUES (\((1...15).map { "?\($0)" }.joined(separator: ",")))",
                operation: "save a sample")
            lookup = try connection.prepare(
                "SELECT \(SQLiteSampleStore.columns) FROM samples WHERE key IN (\(placeholders))",
                operation: "look up samples")
            page = try connection.prepare(
                "SELECT \(SQLiteSampleStore.columns) FROM samples WHERE key > ?1 ORDER BY key LIMIT ?2",
                operation: "read samples")
            count = try connection.prepare("SELECT count(*) FROM samples", operation: "count samples")
            begin = try connection.prepare("BEGIN IMMEDIATE", operation: "start a transaction")
            commit = try connection.prepare("COMMIT", operation: "commit samples")
            rollback = try connection.prepare("ROLLBACK", operation: "roll back samples")
        }
    }
}
