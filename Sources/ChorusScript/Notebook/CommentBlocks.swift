import Foundation

/// The `#` comment blocks between a script's statements, which a notebook shows as Markdown cells.
///
/// A block is a run of comment lines; a blank line or a statement ends it. Each line loses its `#`
/// and the space after it, so a comment reads as the Markdown it usually already is; lines indented
/// four spaces or more (a command to type, say) become a fenced code block.
enum CommentBlocks {
    /// The Markdown of each comment block on lines `lines` (1-based, as the source numbers them).
    static func markdown(in source: SourceFile, lines: Range<Int>) -> [String] {
        var blocks: [String] = []
        var block: [String] = []
        for number in lines {
            let line = source.lineText(number).trimmingCharacters(in: .whitespaces)
            if number == 1, line.hasPrefix("#!") { continue }
            if line.hasPrefix("#") {
                block.append(String(line.dropFirst(line.hasPrefix("# ") ? 2 : 1)))
            } else if !block.isEmpty {
                blocks.append(markdown(fromComment: block))
                block = []
            }
        }
        if !block.isEmpty { blocks.append(markdown(fromComment: block)) }
        return blocks
    }

    /// The Markdown of one block's lines (without their `#`).
    static func markdown(fromComment lines: [String]) -> String {
        var output: [String] = []
        var inCode = false
        for line in lines {
            let isCode = line.hasPrefix("    ")
            if isCode != inCode {
                output.append("```")
                inCode = isCode
            }
            output.append(isCode ? String(line.dropFirst(4)) : line)
        }
        if inCode { output.append("```") }
        while output.last?.isEmpty == true { output.removeLast() }
        return output.joined(separator: "\n")
    }
}

extension Session {
    /// Keeps a Markdown cell for each comment block on `lines` of `source`, unless the statement
    /// around them (a `run` kept as one cell) already holds their script's output.
    func recordComments(in source: SourceFile, lines: Range<Int>) {
        guard !lines.isEmpty, !recorder.isOpen else { return }
        for text in CommentBlocks.markdown(in: source, lines: lines) {
            cellList.append(SessionCell(kind: .markdown, source: text, outcome: .succeeded))
        }
    }
}

extension Program.Item {
    /// The lines the item covers: the statement's, or those of its first diagnostic.
    var range: SourceRange? {
        switch self {
        case .statement(let statement): statement.range
        case .failure(let diagnostics): diagnostics.first?.range
        }
    }
}
