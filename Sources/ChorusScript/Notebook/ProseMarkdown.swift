import Foundation

/// The Markdown of a script's comment blocks, as HTML for a report: paragraphs, headings (`#`),
/// list items (`- `), fenced code blocks and inline code. Comments are short prose; a full Markdown
/// renderer would be a dependency for little.
enum ProseMarkdown {
    /// The HTML of `markdown`; every character of the text is escaped.
    static func html(_ markdown: String) -> String {
        var html = ""
        var paragraph: [String] = []
        var code: [String]?
        func flush() {
            if !paragraph.isEmpty { html += "<p>" + inline(paragraph.joined(separator: " ")) + "</p>\n" }
            paragraph = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let lines = code {
                    html += "<pre><code>" + HTMLReportWriter.escaped(lines.joined(separator: "\n")) + "</code></pre>\n"
                    code = nil
                } else {
                    flush()
                    code = []
                }
            } else if code != nil {
                code?.append(line)
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                flush()
            } else if let level = headingLevel(line) {
                flush()
                html += "<h\(level)>" + inline(String(line.dropFirst(level + 1))) + "</h\(level)>\n"
            } else if line.hasPrefix("- ") {
                flush()
                html += "<ul><li>" + inline(String(line.dropFirst(2))) + "</li></ul>\n"
            } else {
                paragraph.append(line)
            }
        }
        if let lines = code {
            html += "<pre><code>" + HTMLReportWriter.escaped(lines.joined(separator: "\n")) + "</code></pre>\n"
        }
        flush()
        return html
    }

    /// The level of a `# Heading` line (1 to 6), or nil.
    static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    /// Escaped text with `code` spans.
    static func inline(_ text: String) -> String {
        let pieces = text.split(separator: "`", omittingEmptySubsequences: false)
        return pieces.enumerated().map { index, piece in
            let escaped = HTMLReportWriter.escaped(String(piece))
            guard index % 2 == 1 else { return escaped }
            // An opening backtick with no closing one is text.
            return pieces.count % 2 == 1 || index < pieces.count - 1 ? "<code>" + escaped + "</code>" : "`" + escaped
        }.joined()
    }
}
