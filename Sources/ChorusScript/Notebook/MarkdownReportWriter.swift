import ChorusEngine
import Foundation

/// Writes a session as a Markdown report: prose as it was written, each statement in a `chorus`
/// code block followed by its output — text and errors (with their caret) in a `text` block,
/// tables as Markdown tables with their notes as a list, plots as embedded SVG images.
enum MarkdownReportWriter {
    /// The report as Markdown text.
    static func render(_ document: NotebookDocument) -> String {
        var blocks = ["_\(escaped(document.metadata.summaryLine))_"]
        for cell in document.cells {
            switch cell.kind {
            case .markdown: blocks.append(cell.source)
            case .code:
                blocks.append(fenced(cell.source, info: "chorus"))
                blocks += outputBlocks(cell.parts)
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The blocks of a statement's output; adjacent text parts share one block.
    static func outputBlocks(_ parts: [OutputPart]) -> [String] {
        var blocks: [String] = []
        var text = ""
        func flush() {
            if !text.isEmpty { blocks.append(fenced(text, info: "text")) }
            text = ""
        }
        for part in parts {
            switch part {
            case .table(let table):
                flush()
                blocks.append(markdownTable(table))
            case .plot(let plot):
                flush()
                let image = Data(plot.svg.utf8).base64EncodedString()
                blocks.append("![\(escaped(plot.title))](data:image/svg+xml;base64,\(image))")
                blocks.append(markdownTable(plot.table))
            case .progress: break
            case .text, .status, .diagnostic: text += part.plainText
            }
        }
        flush()
        return blocks
    }

    /// A table as a Markdown table, its notes as a list under it.
    static func markdownTable(_ table: DataTable) -> String {
        let text = table.textTable
        func row(_ cells: [String]) -> String {
            "| " + cells.map { escaped($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        var lines = [row(text.header), "|" + String(repeating: " --- |", count: text.header.count)]
        lines += text.rows.map(row)
        if !table.notes.isEmpty { lines.append("") }
        lines += table.notes.map { "- " + escaped($0) }
        return lines.joined(separator: "\n")
    }

    /// `text` in a fenced code block, the fence longer than any run of backticks inside.
    static func fenced(_ text: String, info: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return fence + info + "\n" + body + "\n" + fence
    }

    /// Text with the characters Markdown would read as markup escaped, and newlines as spaces.
    static func escaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\", "*", "_", "`", "<": escaped += "\\" + String(character)
            case "\n": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
