import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusEngine

@Suite("SQLite sample store")
struct SQLiteSampleStoreTests {
    @Test func samplesRoundTrip() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteSampleStore(path: folder.path("samples.sqlite"))
        let samples = SampleFixtures.samples(problems: 2, perProblem: 3)
        for sample in samples { try await store.save(sample) }
        #expect(try await store.count() == 6)
        let found = try await store.samples(for: samples.map(\.key))
        for sample in samples { #expect(found[sample.key] == sample) }
        #expect(try await store.sample(for: SampleFixtures.sample(problem: 9, index: 0).key) == nil)
    }

    @Test func textKeepsEveryCharacter() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteSampleStore(path: folder.path("samples.sqlite"))
        let odd = SampleFixtures.sample(index: 1, text: "nul\u{0}inside, ünïcödé, and \r\n")
        let empty = SampleFixtures.sample(index: 3, text: "")
        try await store.save(odd)
        try await store.save(empty)
        #expect(try await store.sample(for: odd.key) == odd)
        #expect(try await store.sample(for: empty.key) == empty)
    }

    @Test func lookupsLargerThanOneBatch() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteSampleStore(path: folder.path("samples.sqlite"))
        let samples = SampleFixtures.samples(problems: 30, perProblem: 10)
        try await store.save(contentsOf: samples)
        let missing = SampleFixtures.samples(problems: 1, perProblem: 5).map {
            SampleFixtures.sample(problem: 99, index: $0.sampleIndex).key
        }
        let found = try await store.samples(for: samples.map(\.key) + missing)
        #expect(found.count == 300)
        #expect(try await store.samples(for: []).isEmpty)
        #expect(try await store.samples(for: [samples[7].key, samples[7].key]).count == 1)
    }

    @Test func saveReplacesTheSameKey() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteSampleStore(path: folder.path("samples.sqlite"))
        try await store.save(SampleFixtures.sample(index: 0, text: "old"))
        try await store.save(SampleFixtures.sample(index: 0, text: "new"))
        #expect(try await store.count() == 1)
        #expect(try await store.sample(for: SampleFixtures.sample(index: 0).key)?.sample.text == "new")
    }

    @Test func pagesFollowKeyOrder() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteSampleStore(path: folder.path("samples.sqlite"))
        let samples = SampleFixtures.samples(problems: 5, perProblem: 5)
        try await store.save(contentsOf: samples)
        var keys: [SampleKey] = []
        var cursor: SampleKey?
        while case let page = try await store.samples(after: cursor, limit: 7), let last = page.last {
            keys += page.map(\.key)
            cursor = last.key
        }
        #expect(keys == samples.map(\.key).sorted())
    }

    @Test func walModeIsSet() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("samples.sqlite")
        let store = try SQLiteSampleStore(path: path)
        try await store.save(SampleFixtures.sample(index: 0))
        #expect(try await store.journalMode() == "wal")
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        // Bytes 18 and 19 of the header are the file format's read and write versions: 2 means WAL.
        let header = try #require(FileManager.default.contents(atPath: path))
        #expect(header.count >= 100 && header[18] == 2 && header[19] == 2)
    }

    @Test func survivesReopening() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("samples.sqlite")
        let samples = SampleFixtures.samples(problems: 3, perProblem: 3)
        do {
            let store = try SQLiteSampleStore(path: path)
            for sample in samples { try await store.save(sample) }
            await store.close()
        }
        let reopened = try SQLiteSampleStore(path: path)
        #expect(try await reopened.count() == samples.count)
        let found = try await reopened.samples(for: samples.map(\.key))
        #expect(samples.allSatisfy { found[$0.key] == $0 })
    }

    /// A crash image: the files as a killed process leaves them, copied while the store is still open.
    @Test func everySavedSampleSurvivesACrash() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("live/samples.sqlite")
        let store = try SQLiteSampleStore(path: path)
        let samples = SampleFixtures.samples(problems: 40, perProblem: 8)
        for sample in samples { try await store.save(sample) }

        let crashPath = folder.path("crash/samples.sqlite")
        try FileManager.default.createDirectory(atPath: folder.path("crash"), withIntermediateDirectories: true)
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: crashPath + suffix)
        }
        #expect(try await store.count() == samples.count)  // still open: nothing was closed or checkpointed on purpose

        let recovered = try SQLiteSampleStore(path: crashPath)
        #expect(try await recovered.count() == samples.count)
        let found = try await recovered.samples(for: samples.map(\.key))
        #expect(samples.allSatisfy { found[$0.key] == $0 })
    }

    @Test func createsMissingFolders() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("a/b/c/samples.sqlite")
        let store = try SQLiteSampleStore(path: path)
        try await store.save(SampleFixtures.sample(index: 0))
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func opensTheDefaultLocation() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteSampleStore(environment: ["XDG_DATA_HOME": folder.url.path])
        #expect(store.path == folder.path("chorus/samples.sqlite"))
        #expect(try await store.count() == 0)
        #expect(throws: SampleStoreError.self) { try SQLiteSampleStore(environment: [:]) }
    }

    @Test func parentIsAFile() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("not a folder", to: "file.txt")
        let error = #expect(throws: SampleStoreError.self) { try SQLiteSampleStore(path: file + "/samples.sqlite") }
        guard case .cannotCreateFolder(_, let reason)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(reason.contains("is a file, not a folder"))
    }

    @Test func pathIsAFolder() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: SampleStoreError.self) { try SQLiteSampleStore(path: folder.url.path) }
        guard case .cannotOpen(let path, let reason)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(path == folder.url.path)
        #expect(!reason.isEmpty)
        #expect(error?.description.hasPrefix("cannot open the sample store") == true)
    }

    @Test func textFileIsNotAStore() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write(
            String(repeating: "This is a note, not a database.\n", count: 40), to: "notes.sqlite")
        #expect(throws: SampleStoreError.notAStore(path: file)) { try SQLiteSampleStore(path: file) }
        #expect(SampleStoreError.notAStore(path: file).description.contains("is not a Chorus sample store"))
    }

    @Test func foreignDatabaseIsNotAStoreAndIsLeftAlone() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("other.sqlite")
        do {
            let connection = try SQLiteConnection(path: path)
            try connection.execute(
                "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi');", operation: "set up")
        }
        #expect(throws: SampleStoreError.notAStore(path: path)) { try SQLiteSampleStore(path: path) }
        let header = try #require(FileManager.default.contents(atPath: path))
        #expect(header[18] == 1)  // still in rollback-journal mode: nothing was written
    }

    @Test func newerSchemaIsRefused() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("samples.sqlite")
        await (try SQLiteSampleStore(path: path)).close()
        do {
            let connection = try SQLiteConnection(path: path)
            try connection.execute(
                "UPDATE chorus_meta SET value = '7' WHERE name = 'schema_version'", operation: "set up")
        }
        let expected = SampleStoreError.newerSchema(path: path, found: 7, supported: SQLiteSampleStore.schemaVersion)
        #expect(throws: expected) { try SQLiteSampleStore(path: path) }
        #expect(expected.description.contains("update Chorus"))
    }

    @Test func closedStoreSaysSo() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("samples.sqlite")
        let store = try SQLiteSampleStore(path: path)
        await store.close()
        await #expect(throws: SampleStoreError.closed(path: path)) { try await store.count() }
    }

    @Test func sqliteErrorsBecomeActionableErrors() throws {
        let folder = try TemporaryFolder()
        let connection = try SQLiteConnection(path: folder.path("x.sqlite"))
        // SQLITE_FULL
        #expect(connection.error(code: 13, operation: "save") == .diskFull(path: folder.path("x.sqlite")))
        // SQLITE_READONLY
        #expect(connection.error(code: 8, operation: "save") == .readOnly(path: folder.path("x.sqlite")))
        // SQLITE_BUSY
        #expect(connection.error(code: 5, operation: "save") == .busy(path: folder.path("x.sqlite")))
        #expect(SampleStoreError.diskFull(path: "s").description.contains("disk is full"))
    }

    /// After a clean close the main file holds every sample on its own: a copy of it alone, with no
    /// `-wal` beside it, opens with all rows.
    @Test func closeLeavesACompleteFile() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("live/samples.sqlite")
        let samples = SampleFixtures.samples(problems: 5, perProblem: 4)
        let store = try SQLiteSampleStore(path: path)
        try await store.save(contentsOf: samples)
        await store.close()
        try FileManager.default.createDirectory(atPath: folder.path("copy"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: path, toPath: folder.path("copy/samples.sqlite"))
        let copy = try SQLiteSampleStore(path: folder.path("copy/samples.sqlite"))
        #expect(try await copy.count() == samples.count)
    }

    /// Responses come back in the order of the keys asked for, nil where nothing is stored, across batches.
    @Test func responsesFollowTheKeys() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteSampleStore(path: folder.path("samples.sqlite"))
        let samples = SampleFixtures.samples(problems: 3, perProblem: 400)
        try await store.save(contentsOf: samples.filter { $0.sampleIndex % 3 != 0 })
        let keys = samples.map(\.key).reversed() + [SampleFixtures.sample(problem: 99, index: 0).key]
        let responses = try await store.responses(for: Array(keys))
        let byKey = Dictionary(uniqueKeysWithValues: samples.map { ($0.key, $0) })
        #expect(responses.count == keys.count)
        for (key, response) in zip(keys, responses) {
            if let stored = byKey[key], stored.sampleIndex % 3 != 0 {
                #expect(
                    response
                        == StoredResponse(sample: stored.sample, createdAtMilliseconds: stored.createdAtMilliseconds))
            } else {
                #expect(response == nil)
            }
        }
    }

    /// A backup taken while the store is open and being written is a complete store file of its own.
    @Test func backupIsACompleteCopyWhileInUse() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteSampleStore(path: folder.path("samples.sqlite"))
        let samples = SampleFixtures.samples(problems: 4, perProblem: 5)
        try await store.save(contentsOf: samples)
        #expect(try await store.backup(to: folder.path("backups/copy.sqlite")) == samples.count)
        try await store.save(SampleFixtures.sample(problem: 50, index: 0))  // the store goes on
        #expect(!FileManager.default.fileExists(atPath: folder.path("backups/copy.sqlite-wal")))
        let copy = try SQLiteSampleStore(path: folder.path("backups/copy.sqlite"))
        #expect(try await copy.count() == samples.count)
        let found = try await copy.samples(for: samples.map(\.key))
        #expect(samples.allSatisfy { found[$0.key] == $0 })
        await #expect(
            throws: SampleStoreError.file(path: folder.path("backups/copy.sqlite"), reason: "the file already exists")
        ) {
            try await store.backup(to: folder.path("backups/copy.sqlite"))
        }
    }

    /// Creates the store at `path` holding `samples`, and closes it.
    static func fill(_ path: String, with samples: [StoredSample]) async throws {
        let store = try SQLiteSampleStore(path: path)
        try await store.save(contentsOf: samples)
        await store.close()
    }

    /// A store opened read-only returns what it holds and keeps new samples for the session: lookups,
    /// pages, the count and a backup see them, and the file itself is left as it was.
    @Test func readOnlyStoreKeepsNewSamplesForTheSession() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("samples.sqlite")
        let old = SampleFixtures.samples(problems: 2, perProblem: 3)
        try await Self.fill(path, with: old)
        let store = try SQLiteSampleStore(path: path, readOnly: true)
        #expect(store.isReadOnly)
        #expect(try await store.count() == old.count)
        let new = SampleFixtures.sample(problem: 9, index: 0)
        try await store.save(new)
        #expect(await store.sessionOnlyCount() == 1)
        #expect(try await store.count() == old.count + 1)
        #expect(try await store.sample(for: new.key) == new)
        #expect(try await store.responses(for: [new.key]).first??.sample == new.sample)
        let paged = try await store.samples(after: nil, limit: 100).map(\.key)
        #expect(paged == (old + [new]).map(\.key).sorted())
        #expect(try await store.backup(to: folder.path("backup.sqlite")) == old.count + 1)
        await store.close()
        #expect(try await SQLiteSampleStore(path: path).count() == old.count)
        #expect(try await SQLiteSampleStore(path: folder.path("backup.sqlite")).sample(for: new.key) == new)
    }

    /// A folder this process may not write (its files may not be created) still opens its store to
    /// read. Root writes anywhere, so the check runs only for other users.
    @Test(.enabled(if: getuid() != 0, "root may write a read-only folder"))
    func storeInAnUnwritableFolderOpensReadOnly() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("shelf/samples.sqlite")
        let old = SampleFixtures.samples(problems: 1, perProblem: 3)
        try await Self.fill(path, with: old)
        chmod(folder.path("shelf"), 0o555)
        defer { chmod(folder.path("shelf"), 0o755) }
        let store = try SQLiteSampleStore(path: path)
        #expect(store.isReadOnly)
        #expect(try await store.count() == old.count)
        try await store.save(SampleFixtures.sample(problem: 7, index: 0))
        #expect(await store.sessionOnlyCount() == 1)
    }

    /// Samples a writer committed to the `-wal` and never checkpointed (it was killed) are read from a
    /// store whose folder cannot hold SQLite's `-shm` file. Root may write any folder, so a `-shm`
    /// that is a link to nowhere stands in for it: SQLite can neither open nor create it, as in a
    /// folder this process may not write.
    @Test func aLeftoverWriteAheadLogIsReadWhereNoSharedMemoryFileCanBeMade() async throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("shelf"), withIntermediateDirectories: true)
        let (writing, path) = (folder.path("writer/samples.sqlite"), folder.path("shelf/samples.sqlite"))
        let samples = SampleFixtures.samples(problems: 2, perProblem: 3)
        let writer = try SQLiteSampleStore(path: writing)
        try await writer.save(contentsOf: samples)
        // The files as a `kill -9` leaves them: the samples only in the log.
        for suffix in ["", "-wal"] { try FileManager.default.copyItem(atPath: writing + suffix, toPath: path + suffix) }
        await writer.close()
        try FileManager.default.createSymbolicLink(atPath: path + "-shm", withDestinationPath: folder.path("none/x"))
        let copies = { () -> Int in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []
            return names.filter { $0.hasPrefix("chorus-store-") }.count
        }
        let copiesBefore = copies()

        let store = try SQLiteSampleStore(path: path, readOnly: true)
        #expect(store.isReadOnly)
        #expect(try await store.count() == samples.count)
        #expect(try await store.samples(for: samples.map(\.key)).count == samples.count)
        #expect(try await store.sample(for: samples[4].key) == samples[4])
        // The private copy is gone from the folder already; the files themselves are left as they were.
        #expect(copies() == copiesBefore)
        await store.close()
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    /// A format-1 store (every row holding its prompt's text, as older builds wrote) of `samples`:
    /// saved as format 2, then rewritten in the old layout.
    static func formatOneStore(
        problems: Int, perProblem: Int
    ) async throws -> (
        folder: TemporaryFolder, path: String, samples: [StoredSample]
    ) {
        let folder = try TemporaryFolder()
        let path = folder.path("samples.sqlite")
        let samples = SampleFixtures.samples(problems: problems, perProblem: perProblem)
        let store = try SQLiteSampleStore(path: path)
        try await store.save(contentsOf: samples)
        await store.close()
        let columns = """
            key, model_identity, problem_id, prompt, parameters, seed, sample_index, text, finish_reason, \
            prompt_tokens, completion_tokens, latency, mean_logprob, score, created_at_ms
            """
        let read = columns.split(separator: ", ").map { $0 == "prompt" ? "p.text" : "samples." + $0 }
            .joined(separator: ", ")
        try SQLiteConnection(path: path).execute(
            """
            BEGIN;
            CREATE TABLE old (
                key TEXT PRIMARY KEY NOT NULL, model_identity TEXT NOT NULL, problem_id TEXT NOT NULL,
                prompt TEXT NOT NULL, parameters TEXT NOT NULL, seed INTEGER, sample_index INTEGER NOT NULL,
                text TEXT NOT NULL, finish_reason TEXT, prompt_tokens INTEGER, completion_tokens INTEGER,
                latency REAL, mean_logprob REAL, score REAL, created_at_ms INTEGER NOT NULL);
            INSERT INTO old (\(columns)) SELECT \(read)
                FROM samples JOIN prompts p ON p.id = prompt_id ORDER BY samples.rowid;
            DROP TABLE samples;
            DROP TABLE prompts;
            ALTER TABLE old RENAME TO samples;
            CREATE INDEX samples_by_problem ON samples (model_identity, problem_id);
            UPDATE chorus_meta SET value = '1' WHERE name = 'schema_version';
            COMMIT;
            """, operation: "set up")
        return (folder, path, samples)
    }

    /// A format-1 store reads as it is when opened read-only, and opened for writing it moves to
    /// format 2 (each prompt kept once) with every sample as it was; it then takes new samples.
    @Test func formatOneStoresAreReadAndMigratedLosingNothing() async throws {
        let (folder, path, samples) = try await Self.formatOneStore(problems: 3, perProblem: 4)
        defer { withExtendedLifetime(folder) {} }  // The folder goes when the value does.
        let sorted = samples.sorted { $0.key < $1.key }
        let reader = try SQLiteSampleStore(path: path, readOnly: true)
        #expect(
            try await reader.samples(for: samples.map(\.key))
                == Dictionary(uniqueKeysWithValues: samples.map { ($0.key, $0) }))
        #expect(try await reader.samples(after: nil, limit: 100) == sorted)
        #expect(try await reader.responses(for: samples.map(\.key)).map { $0?.sample } == samples.map(\.sample))
        await reader.close()

        let store = try SQLiteSampleStore(path: path)
        #expect(try await store.count() == samples.count)
        #expect(try await store.samples(after: nil, limit: 100) == sorted)
        let extra = SampleFixtures.sample(problem: 7, index: 0)
        try await store.save(extra)
        #expect(try await store.sample(for: extra.key) == extra)
        await store.close()

        let connection = try SQLiteConnection(path: path)
        let version = try connection.scalarText(
            "SELECT value FROM chorus_meta WHERE name = 'schema_version'", operation: "check")
        #expect(version == String(SQLiteSampleStore.schemaVersion))
        let prompts = try connection.scalarText("SELECT count(*) FROM prompts", operation: "check")
        #expect(prompts == String(Set((samples + [extra]).map(\.prompt)).count))
    }

    /// A backup of a format-1 store opened read-only is a format-2 store with every sample.
    @Test func aBackupOfAFormatOneStoreIsFormatTwo() async throws {
        let (folder, path, samples) = try await Self.formatOneStore(problems: 2, perProblem: 3)
        let reader = try SQLiteSampleStore(path: path, readOnly: true)
        #expect(try await reader.backup(to: folder.path("copy.sqlite")) == samples.count)
        await reader.close()
        let copy = try SQLiteSampleStore(path: folder.path("copy.sqlite"), readOnly: true)
        #expect(try await copy.samples(after: nil, limit: 100) == samples.sorted { $0.key < $1.key })
        let version = try SQLiteConnection(path: folder.path("copy.sqlite")).scalarText(
            "SELECT value FROM chorus_meta WHERE name = 'schema_version'", operation: "check")
        #expect(version == String(SQLiteSampleStore.schemaVersion))
    }

    /// A key asked twice (two problems alike) is answered in both places, a missing one with nil.
    @Test func aKeyAskedTwiceIsAnsweredInBothPlaces() async throws {
        let folder = try TemporaryFolder()
        let store = try SQLiteSampleStore(path: folder.path("samples.sqlite"))
        let samples = SampleFixtures.samples(problems: 2, perProblem: 600)
        try await store.save(contentsOf: samples)
        let missing = SampleFixtures.sample(problem: 9, index: 0).key
        let keys = [samples[3].key, missing, samples[3].key] + samples.map(\.key) + [samples[0].key]
        let expected = [samples[3].sample, nil, samples[3].sample] + samples.map(\.sample) + [samples[0].sample]
        #expect(try await store.responses(for: keys).map { $0?.sample } == expected)
    }
}
