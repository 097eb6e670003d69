import ChorusEngine

/// `store`: which SQLite file keeps the samples.
struct StoreCommand: Command {
    let signature = CommandSignature(
        name: "store", group: .models, summary: "Uses another file as the sample store.",
        parameters: [.positional("path", .path, "the SQLite file (created when missing)")],
        discussion: """
            Samples are kept in `$XDG_DATA_HOME/chorus/samples.sqlite` (by default \
            `~/.local/share/chorus/samples.sqlite`). `store` switches this session to \
            another file, for example one kept next to a project's scripts. A \
            saved script keeps this line, so its replay reads the same store.
            """,
        examples: ["store \"experiments/samples.sqlite\""])

    func run(_ invocation: Invocation) async throws -> Value {
        let path = invocation.string("path")
        do {
            try await invocation.session.services.useStore(at: path)
        } catch {
            throw invocation.error("cannot use \(Value.quote(path)) as the sample store: \(error)", at: "path")
        }
        let count = try await invocation.session.services.sampleStore().count()
        invocation.session.output.write("store: \(path) (\(Plural.count(count, "sample")))\n")
        return .none
    }
}
