import ChorusEngine

/// Writes a session as one self-contained HTML page: the style inline, plots as inline SVG, no
/// script, font or stylesheet fetched from anywhere, so the file works offline and can be mailed.
///
/// Tables, plots and diagnostics use the parts' own HTML (``OutputPart/html``), the same the
/// Jupyter kernel shows; text and status are preformatted, prose is read as simple Markdown.
enum HTMLReportWriter {
    /// The page as HTML text.
    static func render(_ document: NotebookDocument) -> String {
        var body = "<p class=\"meta\">\(escaped(document.metadata.summaryLine))</p>\n"
        for (cell, number) in zip(document.cells, document.promptNumbers) {
            switch cell.kind {
            case .markdown:
                body += "<div class=\"prose\">\n" + ProseMarkdown.html(cell.source) + "</div>\n"
            case .code:
                body += "<div class=\"cell\">\n<pre class=\"source\">"
                body += "<span class=\"prompt\">\(escaped(Prompt.primary(number: number ?? 0)))</span>"
                body += escaped(cell.source).replacingOccurrences(of: "\n", with: "\n" + escaped(Prompt.continuation))
                body += "</pre>\n"
                for part in cell.parts { body += output(part) }
                body += "</div>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="generator" content="Chorus \(escaped(document.metadata.chorusVersion))">
            <title>Chorus session \(escaped(document.metadata.date))</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// One part of a statement's output.
    static func output(_ part: OutputPart) -> String {
        switch part {
        case .text(let text): "<pre class=\"stdout\">\(escaped(text))</pre>\n"
        case .status(let text): "<pre class=\"stderr\">\(escaped(text))</pre>\n"
        case .progress: ""
        case .table, .plot, .diagnostic:
            "<div class=\"output\">\n" + part.html + "\n</div>\n"
        }
    }

    /// Text with `&`, `<`, `>` and `"` written as entities.
    static func escaped(_ text: String) -> String { Markup.escape(text) }

    /// The page's whole style: system fonts only.
    static let style = """
        body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; \
        line-height: 1.45; color: #1b1b1b; }
        pre, code { font-family: ui-monospace, monospace; font-size: 0.9rem; }
        pre { margin: 0.25rem 0; white-space: pre-wrap; }
        .meta { color: #555; font-size: 0.9rem; }
        .cell { margin: 1rem 0; }
        .source { background: #f4f4f4; padding: 0.4rem 0.6rem; border-left: 3px solid #888; }
        .prompt { color: #777; }
        .stderr { color: #8a4b00; }
        .output { overflow-x: auto; margin: 0.25rem 0; }
        .output table { border-collapse: collapse; }
        .output th, .output td { padding: 0.15rem 0.6rem; border-bottom: 1px solid #ddd; text-align: left; }
        """
}
