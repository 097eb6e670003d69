import ChorusEngine

/// `import`: samples from a JSONL export into the store, each checked against its key.
struct ImportCommand: Command {
    static let path = ParameterKey<String>.positional("path", "the JSONL file written by `export`", type: .path)

    let signature = CommandSignature(
        name: "import", group: .models, summary: "Adds the samples of a JSONL export to the store.",
        parameters: [Self.path],
        discussion: """
            Every line's key is recomputed from its model, prompt, parameters, \
            seed and index; a line that does not match is an error naming the \
            line, and nothing of that file is added. Samples already in the \
            store are counted, not duplicated. After an import, `sample` finds \
            these samples and calls no model for them.
            """,
        examples: ["import \"samples.jsonl\""])

    func run(_ invocation: Invocation) async throws -> Value {
        let path = invocation[Self.path]
        let services = invocation.session.services
        let report = try await invocation.mapping(at: Self.path, prefix: "cannot import \(Value.quote(path)): ") {
            try await services.sampleStore().importJSONL(from: path)
        }
        invocation.session.output.write(
            "imported \(Plural.count(report.added, "new sample")) from \(path) (\(report.alreadyPresent) already stored)\n"
        )
        return .none
    }
}
