import Foundation

/// `save`: writes the session as a replayable script, or as a notebook or report with its outputs.
struct SaveCommand: Command {
    let signature = CommandSignature(
        name: "save", group: .session, summary: "Saves the session as a script, a notebook or a report.",
        parameters: [FileErrors.target, FileErrors.overwrite],
        discussion: """
            Writes every statement that succeeded, in order, as a script that \
            `chorus run FILE` replays to the same variables and results (`_N` \
            numbers included). Failed statements and session commands (help, \
            vars, save, timer, quit) are left out; a statement that created a \
            file is written with `overwrite: true`, so the script replays where \
            its files already are. A path ending in .ipynb, .md or .html \
            writes the session as it ran instead, nothing run again: each \
            statement with its output (tables, plots, errors), as a Jupyter \
            notebook, a Markdown report or one self-contained HTML page. An \
            existing file is kept unless `overwrite: true` is given.
            """,
        examples: ["save \"session.chorus\"", "save \"session.ipynb\"", "save \"report.html\" overwrite: true"],
        isRecorded: false)

    func run(_ invocation: Invocation) async throws -> Value {
        let path = try FileErrors.writableTarget(invocation)
        let session = invocation.session
        let written: String
        if let format = NotebookFormat(path: path) {
            let cells = await session.cells.filter { $0.kind == .code }.count
            do {
                try await session.writeNotebook(to: path, as: format)
            } catch {
                throw invocation.error(error.message, at: FileErrors.target)
            }
            written = Plural.count(cells, "statement") + " with their output"
        } else {
            do {
                let entries = await session.transcript
                var text = "# Chorus session: \(Plural.count(entries.count, "statement")).\n"
                text += "# Replay with: chorus run \(path)\n"
                for entry in entries { text += entry.text + "\n" }
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                written = Plural.count(entries.count, "statement")
            } catch {
                throw invocation.error(
                    "cannot write \(Value.quote(path)): \(FileErrors.reason(for: path))", at: FileErrors.target)
            }
        }
        session.output.write("saved \(written) to \(path)\n")
        return .none
    }
}
