import ChorusEngine

/// `store`: which SQLite file keeps the samples.
struct StoreCommand: Command {
    static let path = ParameterKey<String>.positional("path", "the SQLite file (created when missing)", type: .path)

    let signature = CommandSignature(
        name: "store", group: .models, summary: "Uses another file as the sample store.",
        parameters: [Self.path],
        discussion: """
            Samples are kept in `$XDG_DATA_HOME/chorus/samples.sqlite` (by default \
            `~/.local/share/chorus/samples.sqlite`). `store` switches this session to \
            another file, for example one kept next to a project's scripts. A \
            saved script keeps this line, so its replay reads the same store.
            """,
        examples: ["store \"experiments/samples.sqlite\""])

    func run(_ invocation: Invocation) async throws -> Value {
        let path = invocation[Self.path]
        let services = invocation.session.services
        try await invocation.mapping(at: Self.path, prefix: "cannot use \(Value.quote(path)) as the sample store: ") {
            try await services.useStore(at: path)
        }
        let count = try await services.sampleStore().count()
        invocation.session.output.write("store: \(path) (\(Plural.count(count, "sample")))\n")
        return .none
    }
}
