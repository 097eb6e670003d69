import ChorusEngine

/// Writes a session as one self-contained HTML page: the style inline, plots as inline SVG, no
/// script, font or stylesheet fetched from anywhere, so the file works offline and can be mailed.
///
/// Every part is written as its own HTML (``OutputPart/html``), the fragment the Jupyter kernel
/// shows; prose is read as simple Markdown.
enum HTMLReportWriter {
    /// The page as HTML text.
    static func render(_ document: NotebookDocument) -> String {
        var body = "<p class=\"meta\">\(Markup.escape(document.metadata.summaryLine))</p>\n"
        for (cell, number) in zip(document.cells, document.promptNumbers) {
            switch cell.kind {
            case .markdown:
                body += "<div class=\"prose\">\n" + ProseMarkdown.html(cell.source) + "</div>\n"
            case .code:
                body += "<div class=\"cell\">\n<pre class=\"source\">"
                body += "<span class=\"prompt\">\(Markup.escape(Prompt.primary(number: number ?? 0)))</span>"
                body += Markup.escape(cell.source).replacingOccurrences(
                    of: "\n", with: "\n" + Markup.escape(Prompt.continuation))
                body += "</pre>\n"
                for part in cell.parts { body += part.html }
                body += "</div>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="generator" content="Chorus \(Markup.escape(document.metadata.chorusVersion))">
            <title>Chorus session \(Markup.escape(document.metadata.date))</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

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
        .chorus-status, .chorus-warning, .chorus-note { color: #8a4b00; }
        .chorus-error { color: #a00000; }
        .chorus-table { border-collapse: collapse; margin: 0.25rem 0; }
        .chorus-table th, .chorus-table td { padding: 0.15rem 0.6rem; border-bottom: 1px solid #ddd; text-align: left; }
        p.chorus-note { color: #555; margin: 0.1rem 0; font-size: 0.9rem; }
        .chorus-plot svg { max-width: 100%; height: auto; }
        """
}
