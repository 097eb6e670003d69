import ChorusEngine
import Foundation
import Testing

@testable import ChorusScript

@Suite("Markdown report writer")
struct MarkdownReportWriterTests {
    static let report = MarkdownReportWriter.render(NotebookFixtures.document)

    @Test("a header line names version, date, models and store; prose stays as written")
    func headerAndProse() {
        #expect(Self.report.hasPrefix("_Chorus \(ChorusVersion.current), 2026-12-03T17:40:00Z; models: local:qwen;"))
        #expect(Self.report.contains("\n\nA *small* session.\n\n```\nchorus run it\n```\n\n"))
    }

    @Test("statements in chorus blocks, text and errors with their caret in text blocks")
    func statementsAndText() {
        #expect(Self.report.contains("```chorus\nk *\n  2\n```\n\n```text\n10\ntime: 1 s\n```"))
        #expect(Self.report.contains("```text\n" + OutputPart.diagnostic(NotebookFixtures.error).plainText + "```"))
    }

    @Test("tables are Markdown tables with their notes as a list; a bar in a cell is escaped")
    func tables() {
        #expect(
            Self.report.contains(
                """
                | strategy | acc % |
                | --- | --- |
                | vote \\| maj | 62.5 |
                | pass@1 | 40.0 |

                - pass@1: one sample is right
                """))
    }

    @Test("a plot is an embedded SVG image")
    func plots() throws {
        let prefix = "![scaling](data:image/svg+xml;base64,"
        let start = try #require(Self.report.range(of: prefix)).upperBound
        let end = try #require(Self.report[start...].firstIndex(of: ")"))
        let svg = try #require(Data(base64Encoded: String(Self.report[start..<end])))
        #expect(String(decoding: svg, as: UTF8.self) == NotebookFixtures.svg)
    }

    @Test("a fence is longer than any run of backticks it holds")
    func fences() {
        #expect(MarkdownReportWriter.fenced("a ``` b\n", info: "text") == "````text\na ``` b\n````")
    }
}
