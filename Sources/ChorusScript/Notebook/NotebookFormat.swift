/// The files a session can be written as, picked by the file's extension.
public enum NotebookFormat: String, Sendable, CaseIterable {
    /// A Jupyter notebook (nbformat 4.5) for the Chorus kernel.
    case jupyter = "ipynb"
    /// A Markdown report.
    case markdown = "md"
    /// One self-contained HTML page.
    case html = "html"

    /// The format a path's extension names (`.ipynb`, `.md`, `.html`, in any case); nil for another.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }

    /// The extensions, as an error message lists them.
    public static let extensionList = ".ipynb, .md or .html"

    /// The document written in this format.
    public func render(_ document: NotebookDocument) -> String {
        switch self {
        case .jupyter: JupyterNotebookWriter.render(document)
        case .markdown: MarkdownReportWriter.render(document)
        case .html: HTMLReportWriter.render(document)
        }
    }
}
