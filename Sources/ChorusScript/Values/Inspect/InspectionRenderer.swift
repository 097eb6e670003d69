import ChorusEngine

/// Lays out an ``Inspection`` as text: wrapped to a width, coloured only when colour is on, and
/// long texts folded to their first and last lines (the approach and the answer) unless shown in full.
public struct InspectionRenderer: Sendable {
    /// The column to wrap at; nil for no wrapping.
    public let width: Int?
    /// Whether to write ANSI styles.
    public let usesColour: Bool
    /// Whether texts are shown whole rather than folded.
    public let full: Bool

    /// Lines kept at each end of a folded text.
    static let foldedEnds = 2

    /// The indent of a text block under its sample's line.
    static let textIndent = 4

    /// A renderer.
    public init(width: Int?, usesColour: Bool, full: Bool) {
        self.width = width.map { max($0, 20) }
        self.usesColour = usesColour
        self.full = full
    }

    /// The view as lines ending in a newline.
    public func render(_ inspection: Inspection) -> String {
        var lines: [String] = []
        for part in inspection.parts {
            switch part {
            case .heading(let text):
                lines += wrap(text, indent: 0, hanging: 0).map { style(.bold, $0) }
            case .field(let label, let value):
                let head = value.isEmpty ? label + ":" : label + ": "
                let wrapped = wrap(head + value, indent: 0, hanging: head.count)
                lines += wrapped.enumerated().map { offset, line in
                    offset == 0 ? style(.dim, head) + String(line.dropFirst(head.count)) : line
                }
            case .verdict(let text, let verdict, let indent):
                let word = verdict.rawValue
                lines += wrap(text, indent: indent, hanging: indent + 2).map { line in
                    guard usesColour, let range = line.range(of: "· \(word)") else { return line }
                    return line.replacingCharacters(in: range, with: "· " + style(Self.style(of: verdict), word))
                }
            case .text(let text, let foldable):
                lines += fold(wrap(text, indent: Self.textIndent, hanging: Self.textIndent), when: foldable)
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The colour of a verdict.
    static func style(of verdict: SampleVerdict) -> ANSIStyle {
        switch verdict {
        case .right: .green
        case .wrong: .red
        case .unparseable, .truncated: .yellow
        }
    }

    private func style(_ style: ANSIStyle, _ text: String) -> String {
        usesColour ? style.apply(to: text) : text
    }

    /// The first and last lines of a long text, with a line saying how many are hidden.
    private func fold(_ lines: [String], when foldable: Bool) -> [String] {
        let kept = Self.foldedEnds * 2
        guard foldable, !full, lines.count > kept + 1 else { return lines }
        let hidden = lines.count - kept
        let note = wrap(
            "… \(Plural.count(hidden, "line")) hidden (`full: true` shows them) …", indent: Self.textIndent,
            hanging: Self.textIndent
        ).map { line in
            String(repeating: " ", count: Self.textIndent) + style(.dim, String(line.dropFirst(Self.textIndent)))
        }
        return Array(lines.prefix(Self.foldedEnds)) + note + Array(lines.suffix(Self.foldedEnds))
    }

    /// `text`'s lines, each wrapped at word boundaries to the width: the first line after `indent`
    /// spaces, continuations after `hanging`; a word longer than a line is cut.
    func wrap(_ text: String, indent: Int, hanging: Int) -> [String] {
        var result: [String] = []
        for (number, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let firstIndent = number == 0 ? indent : hanging
            let paragraph = paragraph.hasSuffix("\r") ? paragraph.dropLast() : paragraph
            guard let width else {
                result.append(String(repeating: " ", count: firstIndent) + paragraph)
                continue
            }
            var line = String(repeating: " ", count: firstIndent)
            var lineIsEmpty = true
            let continuation = String(repeating: " ", count: hanging)
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = Substring(word)
                let needed = (lineIsEmpty ? 0 : 1) + word.count
                if !lineIsEmpty, line.count + needed > width {
                    result.append(line)
                    line = continuation
                    lineIsEmpty = true
                }
                while line.count + word.count > width, width > line.count {
                    let room = width - line.count
                    result.append(line + word.prefix(room))
                    word = word.dropFirst(room)
                    line = continuation
                }
                line += (lineIsEmpty ? "" : " ") + word
                lineIsEmpty = false
            }
            result.append(line)
        }
        return result
    }
}
