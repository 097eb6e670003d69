/// Why recorded samples cannot be loaded or cannot answer a request.
public enum ReplayModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be read.
    case unreadable(path: String)
    /// A row is not a valid recorded sample.
    case invalidRow(line: Int, reason: String)
    /// Two rows record the same sample of the same prompt.
    case duplicateSample(line: Int, index: Int)
    /// The file has no sample `index` for the prompt beginning with `promptStart`.
    case missingSample(promptStart: String, index: Int, recorded: Int)

    /// The error for a person.
    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read the recorded samples \"\(path)\""
        case .invalidRow(let line, let reason): "line \(line): \(reason)"
        case .duplicateSample(let line, let index): "line \(line): sample \(index) of this prompt is recorded twice"
        case .missingSample(let promptStart, let index, let recorded):
            "no recorded sample \(index) for the prompt \"\(promptStart)…\" (\(recorded) recorded); "
                + "ask for fewer samples or record more"
        }
    }
}
