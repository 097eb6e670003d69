import ChorusEngine

extension OutputPart {
    /// The part as an HTML fragment, for a report or a notebook: a table as a `<table>` with its
    /// notes, a plot as its inline SVG over its table, text and diagnostics (with their caret) as
    /// preformatted text. Styles are inline, so the fragment needs no stylesheet.
    public var html: String {
        switch self {
        case .text(let text): Self.preformatted(text, class: "chorus-text")
        case .status(let text): Self.preformatted(text, class: "chorus-status")
        case .table(let table): table.html
        case .plot(let plot):
            "<figure class=\"chorus-plot\" style=\"margin:0\">\n" + plot.svg
                + (plot.svg.hasSuffix("\n") ? "" : "\n") + "</figure>\n" + plot.table.html
        case .diagnostic(let diagnostic):
            Self.preformatted(
                DiagnosticRenderer(usesColour: false).render(diagnostic),
                class: "chorus-\(diagnostic.severity.rawValue)")
        case .progress: ""
        }
    }

    /// The part as a MIME bundle, as a notebook's display data holds it: always `text/plain`; a
    /// table and a diagnostic add `text/html`; a plot adds `image/svg+xml` (an image, which
    /// notebooks show even when they sanitise HTML, whose inline SVG they strip).
    public var mimeBundle: [String: String] {
        switch self {
        case .table, .diagnostic: ["text/plain": plainText, "text/html": html]
        case .plot(let plot): ["text/plain": plainText, "image/svg+xml": plot.svg]
        case .text, .status, .progress: ["text/plain": plainText]
        }
    }

    private static func preformatted(_ text: String, class name: String) -> String {
        var body = text
        if body.hasSuffix("\n") { body.removeLast() }
        return "<pre class=\"\(name)\">" + Markup.escape(body) + "</pre>\n"
    }
}

extension DataTable {
    /// The table as an HTML `<table>`: a header row of the columns' titles, cells written as the
    /// terminal writes them (numbers right-aligned), then the notes as paragraphs.
    public var html: String {
        var out = "<table class=\"chorus-table\">\n<thead><tr>"
        for column in columns { out += "<th>" + Markup.escape(column.title) + "</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>"
            for (column, cell) in zip(columns, row) {
                let text = Markup.escape(cell.text(as: column.format))
                out += cell.isNumeric ? "<td style=\"text-align:right\">\(text)</td>" : "<td>\(text)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        for note in notes { out += "<p class=\"chorus-note\">" + Markup.escape(note) + "</p>\n" }
        return out
    }
}

extension TableCell {
    /// Whether the cell holds a number (or an interval of them), which tables align right.
    var isNumeric: Bool {
        switch self {
        case .int, .number, .interval: true
        case .none, .bool, .text: false
        }
    }
}
