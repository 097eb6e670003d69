import ChorusEngine
import Foundation

@testable import ChorusScript

/// A small session's cells by hand: prose, a statement with text and status, a table, a plot and an
/// error with its caret, so each writer is checked on every kind of output.
enum NotebookFixtures {
    static let table = DataTable(
        columns: [TableColumn("strategy"), TableColumn("acc %", key: "acc", format: .fixed(digits: 1))],
        rows: [[.text("vote | maj"), .number(62.5)], [.text("pass@1"), .number(40)]],
        notes: ["pass@1: one sample is right"])

    static let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>scaling</title></svg>"#

    static let source = SourceFile(name: "<input>", text: "nosuch 3")

    static let error = Diagnostic(
        .error, "unknown command `nosuch`", source: source,
        range: SourceRange(start: source.location(at: 0), end: source.location(at: 6)),
        hint: "type `help` to list the commands")

    static let document = NotebookDocument(
        cells: [
            SessionCell(kind: .markdown, source: "A *small* session.\n\n```\nchorus run it\n```", outcome: .succeeded),
            SessionCell(source: "k = 5", number: 1, outcome: .succeeded),
            SessionCell(
                source: "k *\n  2", number: 2, outcome: .succeeded, parts: [.text("10\n"), .status("time: 1 s\n")]),
            SessionCell(source: "compare s v", number: 3, outcome: .succeeded, parts: [.table(table)]),
            SessionCell(
                source: "plot s", number: 4, outcome: .succeeded,
                parts: [.progress("drawing"), .plot(PlotOutput(title: "scaling", svg: svg, table: table))]),
            SessionCell(source: "nosuch 3", outcome: .failed, parts: [.diagnostic(error)]),
        ],
        metadata: NotebookMetadata(
            date: "2026-12-03T17:40:00Z", models: ["local:qwen"], store: "~/.local/share/chorus/samples.sqlite"))
}
