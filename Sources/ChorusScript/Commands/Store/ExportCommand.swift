import ChorusEngine
import Foundation

/// `export`: every stored sample as JSON Lines, to share, archive, or replay.
struct ExportCommand: Command {
    let signature = CommandSignature(
        name: "export", group: .models, summary: "Writes every stored sample to a JSONL file.",
        parameters: [
            .positional("path", .path, "the file to write"),
            .named("overwrite", .bool, "replace an existing file", default: .bool(false)),
        ],
        discussion: """
            One sample per line: its key, model, problem id, prompt, parameters, \
            seed, index, text, finish reason, token counts, latency and \
            log-probability. `import` reads the file back into any store; \
            `model "replay:FILE"` answers from it without a server.
            """,
        examples: ["export \"samples.jsonl\""], isRecorded: false)

    func run(_ invocation: Invocation) async throws -> Value {
        let path = invocation.string("path")
        try FileErrors.refuseOverwrite(of: path, invocation)
        do {
            let count = try await invocation.session.services.sampleStore().exportJSONL(to: path)
            invocation.session.output.write("exported \(Plural.count(count, "sample")) to \(path)\n")
        } catch {
            throw invocation.error("cannot export to \(Value.quote(path)): \(error)", at: "path")
        }
        return .none
    }
}
