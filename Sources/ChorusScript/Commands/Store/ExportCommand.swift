import ChorusEngine
import Foundation

/// `export`: every stored sample as JSON Lines, to share, archive, or replay.
struct ExportCommand: Command {
    let signature = CommandSignature(
        name: "export", group: .models, summary: "Writes every stored sample to a JSONL file.",
        parameters: [FileErrors.target, FileErrors.overwrite],
        discussion: """
            One sample per line: its key, model, problem id, prompt, parameters, \
            seed, index, text, finish reason, token counts, latency and \
            log-probability. `import` reads the file back into any store; \
            `model "replay:FILE"` answers from it without a server.
            """,
        examples: ["export \"samples.jsonl\""], isRecorded: false)

    func run(_ invocation: Invocation) async throws -> Value {
        let path = try FileErrors.writableTarget(invocation)
        let services = invocation.session.services
        let count = try await invocation.mapping(
            at: FileErrors.target, prefix: "cannot export to \(Value.quote(path)): "
        ) {
            try await services.sampleStore().exportJSONL(to: path)
        }
        invocation.session.output.write("exported \(Plural.count(count, "sample")) to \(path)\n")
        return .none
    }
}
