import Foundation

/// `save`: writes the session's successful statements as a replayable script.
struct SaveCommand: Command {
    let signature = CommandSignature(
        name: "save", group: .session, summary: "Saves the session's successful statements as a script.",
        parameters: [FileErrors.target, FileErrors.overwrite],
        discussion: """
            Writes every statement that succeeded, in order, as a script that \
            `chorus run FILE` replays to the same variables and results (`_N` \
            numbers included). Failed statements and session commands (help, \
            vars, save, timer, quit) are left out. An existing file is kept \
            unless `overwrite: true` is given.
            """,
        examples: ["save \"session.chorus\"", "save \"session.chorus\" overwrite: true"], isRecorded: false)

    func run(_ invocation: Invocation) async throws -> Value {
        let path = try FileErrors.writableTarget(invocation)
        let entries = await invocation.session.transcript
        var text = "# Chorus session: \(entries.count) statement\(entries.count == 1 ? "" : "s").\n"
        text += "# Replay with: chorus run \(path)\n"
        for entry in entries { text += entry.text + "\n" }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw invocation.error(
                "cannot write \(Value.quote(path)): \(FileErrors.reason(for: path))", at: FileErrors.target)
        }
        invocation.session.output.write(
            "saved \(entries.count) statement\(entries.count == 1 ? "" : "s") to \(path)\n")
        return .none
    }
}
