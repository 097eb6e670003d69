import ChorusEngine
import Foundation
import Testing

@testable import ChorusScript

@Suite("Jupyter notebook writer")
struct JupyterNotebookWriterTests {
    static func notebook(_ document: NotebookDocument = NotebookFixtures.document) throws -> [String: Any] {
        let text = JupyterNotebookWriter.render(document)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func cells(_ notebook: [String: Any]) -> [[String: Any]] { notebook["cells"] as? [[String: Any]] ?? [] }

    static func lines(_ value: Any?) -> String { (value as? [String] ?? []).joined() }

    @Test("nbformat 4.5 for the Chorus kernel, with version, date, models and store")
    func metadata() throws {
        let notebook = try Self.notebook()
        #expect(notebook["nbformat"] as? Int == 4)
        #expect(notebook["nbformat_minor"] as? Int == 5)
        let metadata = try #require(notebook["metadata"] as? [String: Any])
        let kernel = try #require(metadata["kernelspec"] as? [String: String])
        #expect(kernel == ["name": "chorus", "display_name": "Chorus", "language": "chorus"])
        #expect((metadata["language_info"] as? [String: String])?["name"] == "chorus")
        let chorus = try #require(metadata["chorus"] as? [String: Any])
        #expect(chorus["version"] as? String == ChorusVersion.current)
        #expect(chorus["date"] as? String == "2026-12-03T17:40:00Z")
        #expect(chorus["models"] as? [String] == ["local:qwen"])
        #expect(chorus["store"] as? String == "~/.local/share/chorus/samples.sqlite")
    }

    @Test("prose is Markdown; statements are code cells numbered as their prompts were, with unique ids")
    func cells() throws {
        let cells = Self.cells(try Self.notebook())
        #expect(cells.map { $0["cell_type"] as? String } == ["markdown", "code", "code", "code", "code", "code"])
        #expect(cells.dropFirst().map { $0["execution_count"] as? Int } == [1, 2, 3, 4, 5])
        #expect(cells[0]["execution_count"] == nil)
        #expect(Set(cells.compactMap { $0["id"] as? String }).count == cells.count)
        #expect(cells[2]["source"] as? [String] == ["k *\n", "  2"])
    }

    @Test("outputs are what the kernel sends: streams, display data with HTML and SVG, an error with its caret")
    func outputs() throws {
        let cells = Self.cells(try Self.notebook())
        let outputs = cells.map { $0["outputs"] as? [[String: Any]] ?? [] }
        #expect(outputs[2].map { $0["name"] as? String } == ["stdout", "stderr"])
        #expect(Self.lines(outputs[2][0]["text"]) == "10\n")
        let table = try #require(outputs[3].first?["data"] as? [String: Any])
        #expect(Self.lines(table["text/plain"]) == NotebookFixtures.table.rendered)
        #expect(table["text/html"] != nil)
        #expect(outputs[4].count == 1, "progress is never kept")
        let plot = try #require(outputs[4].first?["data"] as? [String: Any])
        #expect(Self.lines(plot["image/svg+xml"]) == NotebookFixtures.svg)
        let error = try #require(outputs[5].first)
        #expect(error["output_type"] as? String == "error")
        #expect(error["evalue"] as? String == "unknown command `nosuch`")
        let traceback = try #require(error["traceback"] as? [String])
        #expect(traceback.map { $0 + "\n" }.joined() == OutputPart.diagnostic(NotebookFixtures.error).plainText)
        #expect(traceback.contains { $0.contains("^~~~~~") })
    }

    @Test("the same session writes the same file; only the date line differs between dates")
    func deterministic() {
        var later = NotebookFixtures.document
        later.metadata.date = "2027-01-01T00:00:00Z"
        let first = JupyterNotebookWriter.render(NotebookFixtures.document).split(separator: "\n")
        let second = JupyterNotebookWriter.render(later).split(separator: "\n")
        #expect(
            JupyterNotebookWriter.render(NotebookFixtures.document)
                == JupyterNotebookWriter.render(NotebookFixtures.document))
        #expect(first.count == second.count)
        #expect(zip(first, second).filter { $0 != $1 }.map(\.0) == [#"      "date" : "2026-12-03T17:40:00Z","#])
    }
}
