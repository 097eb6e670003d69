import ChorusEngine

/// Writes a session as a Jupyter notebook: nbformat 4.5 (cells with ids), for the Chorus kernel.
///
/// Prose blocks become Markdown cells; each statement a code cell whose execution count is the
/// number its prompt showed and whose outputs are those the kernel sends (``JupyterOutput``).
/// The notebook's metadata names the kernel and records version, date, models and store under
/// `chorus`. Keys are sorted and cell ids numbered, so the file changes only where the session did.
enum JupyterNotebookWriter {
    /// The notebook as JSON text.
    static func render(_ document: NotebookDocument) -> String {
        let cells = zip(document.cells, document.promptNumbers).enumerated().map { index, pair in
            cell(pair.0, number: pair.1, id: "cell-\(index + 1)")
        }
        let notebook = JSONValue.object([
            "cells": .array(cells),
            "metadata": metadata(document.metadata),
            "nbformat": .integer(4),
            "nbformat_minor": .integer(5),
        ])
        return notebook.prettyText + "\n"
    }

    static func cell(_ cell: SessionCell, number: Int?, id: String) -> JSONValue {
        var fields: [String: JSONValue] = [
            "cell_type": .string(cell.kind.rawValue), "id": .string(id), "metadata": .object([:]),
            "source": JupyterOutput.lines(cell.source),
        ]
        if cell.kind == .code {
            fields["execution_count"] = number.map(JSONValue.integer) ?? .null
            fields["outputs"] = .array(JupyterOutput.outputs(of: cell.parts).map(\.json))
        }
        return .object(fields)
    }

    static func metadata(_ metadata: NotebookMetadata) -> JSONValue {
        .object([
            "kernelspec": .object([
                "name": .string("chorus"), "display_name": .string("Chorus"), "language": .string("chorus"),
            ]),
            "language_info": .object([
                "name": .string("chorus"), "file_extension": .string(".chorus"),
                "mimetype": .string("text/x-chorus"), "version": .string(metadata.chorusVersion),
            ]),
            "chorus": .object([
                "version": .string(metadata.chorusVersion), "date": .string(metadata.date),
                "models": .array(metadata.models.map(JSONValue.string)),
                "store": metadata.store.map(JSONValue.string) ?? .null,
            ]),
        ])
    }
}
