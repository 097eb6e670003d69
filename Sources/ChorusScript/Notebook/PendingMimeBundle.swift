import ChorusEngine

// Stand-in until the shared rendering lands in Output/.
extension OutputPart {
    /// The part's MIME bundle.
    public var mimeBundle: [String: String] {
        var data = ["text/plain": plainText]
        if let html { data["text/html"] = html }
        if case .plot(let plot) = self { data["image/svg+xml"] = plot.svg }
        return data
    }

    /// The part as HTML.
    public var html: String? {
        switch self {
        case .table(let table): "<pre>" + HTMLReportWriter.escaped(table.rendered) + "</pre>"
        case .plot(let plot): plot.svg
        case .diagnostic: "<pre>" + HTMLReportWriter.escaped(plainText) + "</pre>"
        default: nil
        }
    }
}
