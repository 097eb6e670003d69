/// Turns diagnostics into text: `file:line:col: error: …`, the line, a caret under the span.
public struct DiagnosticRenderer: Sendable {
    /// Whether to add ANSI colour.
    public var usesColour: Bool

    /// Creates a renderer.
    public init(usesColour: Bool = false) { self.usesColour = usesColour }

    /// Renders one diagnostic, ending with a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var lines: [String] = []
        let severity = paint(diagnostic.severity.rawValue + ":", colour(for: diagnostic.severity))
        let message = paint(diagnostic.message, .bold)
        if let location = diagnostic.locationText {
            lines.append("\(paint(location + ":", .bold)) \(severity) \(message)")
        } else {
            lines.append("\(severity) \(message)")
        }
        if let source = diagnostic.source, let range = diagnostic.range {
            lines.append(contentsOf: excerpt(source: source, range: range))
        }
        for note in diagnostic.notes {
            lines.append("\(paint("note:", .bold)) \(note)")
        }
        if let hint = diagnostic.hint {
            lines.append("\(paint("hint:", .cyan)) \(hint)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The source line with a gutter, and a caret line under the span.
    private func excerpt(source: SourceFile, range: SourceRange) -> [String] {
        let line = range.start.line
        let text = source.lineText(line).replacingTabs()
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        let lineLength = text.count
        let startColumn = min(range.start.column, lineLength + 1)
        let width: Int
        if range.end.line == line {
            width = max(1, range.end.column - range.start.column)
        } else {
            width = max(1, lineLength + 1 - startColumn)
        }
        let marker = "^" + String(repeating: "~", count: width - 1)
        return [
            "\(paint(number, .blue)) \(paint("|", .blue)) \(text)",
            "\(gutter) \(paint("|", .blue)) \(String(repeating: " ", count: startColumn - 1))\(paint(marker, .green))",
        ]
    }

    private func colour(for severity: Diagnostic.Severity) -> ANSIStyle {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .note: .bold
        }
    }

    private func paint(_ text: String, _ style: ANSIStyle) -> String {
        usesColour ? style.apply(to: text) : text
    }
}

extension String {
    /// Tabs as single spaces, so the caret lines up with the character it marks.
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
