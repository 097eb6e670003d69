import ChorusEngine

/// One output of a notebook code cell, as the Chorus kernel sends it for a part: text on stdout,
/// status and warnings on stderr, tables and plots as display data (their MIME bundle), an error
/// with its caret rendering as the traceback. A saved notebook and a live one look alike.
enum JupyterOutput: Sendable, Equatable {
    /// Text on a stream: `stdout` or `stderr`.
    case stream(name: String, text: String)
    /// Display data: the part's MIME bundle.
    case display([String: String])
    /// An error: its name, message and the lines of its rendering.
    case error(name: String, message: String, traceback: [String])

    /// The outputs of a cell's parts, with adjacent text on one stream joined (as Jupyter does).
    static func outputs(of parts: [OutputPart]) -> [JupyterOutput] {
        var outputs: [JupyterOutput] = []
        for part in parts {
            guard let output = JupyterOutput(part) else { continue }
            if case .stream(let name, let text) = output, case .stream(name, let earlier)? = outputs.last {
                outputs[outputs.count - 1] = .stream(name: name, text: earlier + text)
            } else {
                outputs.append(output)
            }
        }
        return outputs
    }

    /// The output of a part; nil for progress, which is never kept.
    init?(_ part: OutputPart) {
        switch part {
        case .text(let text): self = .stream(name: "stdout", text: text)
        case .status(let text): self = .stream(name: "stderr", text: text)
        case .table, .plot: self = .display(part.mimeBundle)
        case .diagnostic(let diagnostic) where diagnostic.severity == .error:
            let lines = part.plainText.split(separator: "\n", omittingEmptySubsequences: false)
            self = .error(
                name: "ChorusError", message: diagnostic.message,
                traceback: (lines.last == "" ? lines.dropLast() : lines[...]).map(String.init))
        case .diagnostic: self = .stream(name: "stderr", text: part.plainText)
        case .progress: return nil
        }
    }

    /// The output as nbformat 4 JSON; text is split into lines, as Jupyter writes it.
    var json: JSONValue {
        switch self {
        case .stream(let name, let text):
            .object(["output_type": .string("stream"), "name": .string(name), "text": Self.lines(text)])
        case .display(let data):
            .object([
                "output_type": .string("display_data"), "data": .object(data.mapValues(Self.lines)),
                "metadata": .object([:]),
            ])
        case .error(let name, let message, let traceback):
            .object([
                "output_type": .string("error"), "ename": .string(name), "evalue": .string(message),
                "traceback": .array(traceback.map(JSONValue.string)),
            ])
        }
    }

    /// What the output shows as plain text: what the terminal showed for its part.
    var plainText: String {
        switch self {
        case .stream(_, let text): text
        case .display(let data): data["text/plain"] ?? ""
        case .error(_, _, let traceback): traceback.map { $0 + "\n" }.joined()
        }
    }

    /// Text as nbformat's multi-line string: a list of lines, each but the last ending in a newline.
    static func lines(_ text: String) -> JSONValue {
        var lines: [JSONValue] = []
        var line = ""
        for character in text {
            line.append(character)
            if character == "\n" {
                lines.append(.string(line))
                line = ""
            }
        }
        if !line.isEmpty { lines.append(.string(line)) }
        return .array(lines)
    }
}
