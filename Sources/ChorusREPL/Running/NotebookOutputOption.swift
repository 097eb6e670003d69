import ChorusScript

/// `chorus run FILE --notebook OUT`: the file the run is also written to, as a notebook or a report
/// (`.ipynb`, `.md` or `.html`), with every statement's output and the script's comments as prose.
struct NotebookOutputOption {
    /// The file to write.
    let path: String
    /// What to write, from the file's extension.
    let format: NotebookFormat

    /// Takes `--notebook OUT` (or `--notebook=OUT`) out of `arguments`; the error is a usage message.
    static func extract(from arguments: inout [String]) -> Result<NotebookOutputOption?, UsageMessage> {
        guard let index = arguments.firstIndex(where: { $0 == "--notebook" || $0.hasPrefix("--notebook=") }) else {
            return .success(nil)
        }
        let path: String
        if arguments[index] == "--notebook" {
            guard index + 1 < arguments.count else { return .failure(UsageMessage("--notebook needs a file")) }
            path = arguments[index + 1]
            arguments.removeSubrange(index...index + 1)
        } else {
            path = String(arguments[index].dropFirst("--notebook=".count))
            arguments.remove(at: index)
        }
        guard let format = NotebookFormat(path: path) else {
            return .failure(
                UsageMessage("--notebook writes a file ending in \(NotebookFormat.extensionList), not \(path)"))
        }
        return .success(NotebookOutputOption(path: path, format: format))
    }

    /// A command-line mistake, as the usage error says it.
    struct UsageMessage: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }
}
