import Synchronization

/// Where a session's statements created files without `overwrite: true`, so the transcript `save`
/// writes says `overwrite: true` there and the script replays.
///
/// A statement that wrote a new file (`plot … file:`, `export`, `train … to:`) would stop its own
/// replay with "already exists": the file is its own earlier output. So the session notes each such
/// call, and the statement enters the transcript with `overwrite: true` added to the call (or its
/// `overwrite: false` turned true). A file that was there before the session is never touched this
/// way: replacing it needed `overwrite: true` in the session already.
final class CreatedFiles: Sendable {
    /// Text to put in place of a span of a source.
    struct Edit: Sendable {
        let source: SourceFile
        let offsets: Range<Int>
        let replacement: String
    }

    private let edits = Mutex<[Edit]>([])

    /// Notes that `invocation` creates a file that `overwrite` did not allow to be replaced.
    func note(_ invocation: Invocation, overwrite: ParameterKey<Bool>) {
        let edit: Edit
        if let given = invocation.argumentRanges[overwrite.name] {
            let text = invocation.source.text(in: given)
            guard text.hasSuffix("false") else { return }
            edit = Edit(
                source: invocation.source, offsets: given.end.offset - 5..<given.end.offset, replacement: "true")
        } else {
            let end = invocation.range.end.offset
            edit = Edit(source: invocation.source, offsets: end..<end, replacement: " \(overwrite.name): true")
        }
        edits.withLock { $0.append(edit) }
    }

    /// The statement's text as the transcript keeps it, with the edits noted inside it; every
    /// noted edit is then forgotten (those of a statement that failed are of no use).
    func replayText(of statement: Statement, in source: SourceFile) -> String {
        let start = statement.range.start.offset
        let end = statement.range.end.offset
        let inside = edits.withLock { edits in
            defer { edits = [] }
            return edits.filter {
                $0.offsets.lowerBound >= start && $0.offsets.upperBound <= end && $0.source == source
            }
        }
        guard !inside.isEmpty else { return statement.text }
        var characters = Array(statement.text)
        for edit in inside.sorted(by: { $0.offsets.lowerBound > $1.offsets.lowerBound }) {
            characters.replaceSubrange(
                edit.offsets.lowerBound - start..<edit.offsets.upperBound - start, with: Array(edit.replacement))
        }
        return String(characters)
    }
}
