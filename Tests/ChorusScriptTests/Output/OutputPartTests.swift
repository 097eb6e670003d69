import ChorusEngine
import Testing

@testable import ChorusScript

@Suite("Output parts")
struct OutputPartTests {
    static let table = DataTable(
        columns: [TableColumn("name"), TableColumn("acc %", key: "acc", format: .fixed(digits: 1))],
        rows: [[.text("vote@4"), .number(0.4166666)], [.text("pass@1"), .none]], notes: ["a note"])

    @Test("a table keeps typed cells in JSON and renders as the terminal shows it")
    func tableJSON() throws {
        let part = OutputPart.table(Self.table)
        #expect(part.plainText == Self.table.rendered)
        #expect(!part.isStatus)
        let json = part.json
        guard case .object(let fields) = json, case .object(let table)? = fields["table"] else {
            Issue.record("a table part has a table object: \(json.jsonText)")
            return
        }
        #expect(fields["kind"] == .string("table"))
        #expect(
            table["rows"]
                == .array([.array([.string("vote@4"), .double(0.4166666)]), .array([.string("pass@1"), .null])]))
        #expect(
            table["columns"]
                == .array([
                    .object(["title": .string("name"), "key": .string("name"), "format": .string("plain")]),
                    .object(["title": .string("acc %"), "key": .string("acc"), "format": .string("fixed:1")]),
                ]))
        #expect(table["notes"] == .array([.string("a note")]))
    }

    @Test("a diagnostic keeps its range, hint and caret rendering")
    func diagnosticJSON() {
        let source = SourceFile(name: "t.chorus", text: "vote s k: 0\n")
        let diagnostic = Diagnostic(
            .error, "`k` must be at least 1", source: source,
            range: SourceRange(
                start: SourceLocation(offset: 10, line: 1, column: 11),
                end: SourceLocation(offset: 11, line: 1, column: 12)),
            hint: "give k: 1 or more")
        let part = OutputPart.diagnostic(diagnostic)
        #expect(part.isStatus)
        guard case .object(let fields) = part.json else {
            Issue.record("a diagnostic is an object")
            return
        }
        #expect(fields["severity"] == .string("error"))
        #expect(fields["hint"] == .string("give k: 1 or more"))
        #expect(
            fields["range"]
                == .object([
                    "line": .integer(1), "column": .integer(11), "end_line": .integer(1), "end_column": .integer(12),
                ]))
        #expect(fields["text"] == .string(DiagnosticRenderer().render(diagnostic)))
        #expect(part.plainText.contains("^"))
    }

    @Test("progress is transient text or null; status goes to the error stream")
    func progressAndStatus() {
        guard case .object(let fields) = OutputPart.progress(nil).json else {
            Issue.record("progress is an object")
            return
        }
        #expect(fields["kind"] == .string("progress"))
        #expect(fields["text"] == .null)
        #expect(OutputPart.progress("3/8").plainText.isEmpty)
        #expect(OutputPart.status("plot: wrote a.svg\n").isStatus)
        #expect(!OutputPart.text("2\n").isStatus)
    }

    @Test("a table in HTML: escaped titles and cells, numbers right-aligned, notes under it")
    func tableHTML() {
        let table = DataTable(
            columns: [TableColumn("answer"), TableColumn("n")], rows: [[.text("x<1 & \"y\""), .int(3)]],
            notes: ["a <note>"])
        let html = table.html
        #expect(html.contains("<th>answer</th><th>n</th>"))
        #expect(html.contains("<td>x&lt;1 &amp; &quot;y&quot;</td><td style=\"text-align:right\">3</td>"))
        #expect(html.contains("<p class=\"chorus-note\">a &lt;note&gt;</p>"))
        #expect(OutputPart.table(table).mimeBundle == ["text/plain": table.rendered, "text/html": html])
    }

    @Test("a plot's bundle is its SVG as an image; its HTML inlines the SVG over the table")
    func plotBundle() {
        let plot = PlotOutput(title: "t", svg: "<svg></svg>\n", table: Self.table)
        let part = OutputPart.plot(plot)
        #expect(part.mimeBundle["image/svg+xml"] == "<svg></svg>\n")
        #expect(part.mimeBundle["text/html"] == nil)
        #expect(
            part.html.hasPrefix("<figure class=\"chorus-plot\" style=\"margin:0\">\n<svg></svg>\n</figure>\n<table"))
        guard case .object(let fields) = part.json, case .object(let data)? = fields["data"] else {
            Issue.record("a part's JSON carries its bundle")
            return
        }
        #expect(data["image/svg+xml"] == .string("<svg></svg>\n"))
    }

    @Test("text and diagnostics in HTML are preformatted and escaped")
    func preformattedHTML() {
        #expect(OutputPart.text("a < b\n").html == "<pre class=\"chorus-text\">a &lt; b</pre>\n")
        let diagnostic = Diagnostic(.warning, "`<` is odd")
        #expect(
            OutputPart.diagnostic(diagnostic).html == "<pre class=\"chorus-warning\">warning: `&lt;` is odd</pre>\n")
    }
}
