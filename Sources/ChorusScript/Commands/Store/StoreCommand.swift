import ChorusEngine
import Foundation

/// `store`: which SQLite file keeps the samples, and a consistent copy of it.
struct StoreCommand: Command {
    static let path = ParameterKey<String?>.positional(
        "path", "the SQLite file to use (created when missing)", type: .path)
    static let backup = ParameterKey<String?>.named(
        "backup", "write a consistent copy of the store to this new file", type: .path)

    let signature = CommandSignature(
        name: "store", group: .models, summary: "Uses another file as the sample store.",
        parameters: [Self.path, Self.backup, FileErrors.overwrite],
        discussion: """
            Samples are kept in `$XDG_DATA_HOME/chorus/samples.sqlite` (by default \
            `~/.local/share/chorus/samples.sqlite`). `store` switches this session to \
            another file, for example one kept next to a project's scripts. A \
            saved script keeps this line, so its replay reads the same store. \
            `store backup: FILE` writes a complete copy of the store in use (samples \
            kept in memory because the store is read-only included) to a new SQLite \
            file, consistent even while other sessions write; `store FILE` opens it.
            """,
        examples: ["store \"experiments/samples.sqlite\"", "store backup: \"samples-backup.sqlite\""])

    func run(_ invocation: Invocation) async throws -> Value {
        if let backup = invocation[Self.backup] {
            guard invocation[Self.path] == nil else {
                throw invocation.error(
                    "give either a store to use or `backup:`, not both", at: Self.backup,
                    hint: "write `store backup: \(Value.quote(backup))` on a line of its own")
            }
            let store = try await StoredModelRun.store(invocation)
            if let sqlite = store as? SQLiteSampleStore,
                URL(fileURLWithPath: sqlite.path).standardizedFileURL
                    == URL(fileURLWithPath: backup).standardizedFileURL
            {
                throw invocation.error(
                    "\(Value.quote(backup)) is the store itself", at: Self.backup, hint: "back it up to another file")
            }
            try FileErrors.refuseOverwrite(of: backup, invocation, at: Self.backup)
            let count = try await invocation.mapping(at: Self.backup, prefix: "cannot back up the store: ") {
                try? FileManager.default.removeItem(atPath: backup)
                return try await store.backup(to: backup)
            }
            invocation.session.output.write("store: backed up \(Plural.count(count, "sample")) to \(backup)\n")
            return .none
        }
        if let path = invocation[Self.path] {
            let services = invocation.session.services
            try await invocation.mapping(at: Self.path, prefix: "cannot use \(Value.quote(path)) as the sample store: ")
            {
                try await services.useStore(at: path)
            }
        }
        let store = try await StoredModelRun.store(invocation)
        let count = try await store.count()
        let location = (store as? SQLiteSampleStore)?.path ?? "in memory"
        let readOnly = (store as? SQLiteSampleStore)?.isReadOnly == true ? ", read-only" : ""
        invocation.session.output.write("store: \(location) (\(Plural.count(count, "sample"))\(readOnly))\n")
        return .none
    }
}
