import ChorusScript
import Foundation

/// A Jupyter notebook Chorus wrote, read back: its outputs as the terminal transcript they stand for.
struct NotebookTranscript {
    /// The notebook's JSON.
    let json: [String: Any]

    /// Reads the notebook at `url`.
    init(contentsOf url: URL) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let json = object as? [String: Any] else { throw NotebookError(message: "\(url.path): not a notebook") }
        self.json = json
    }

    struct NotebookError: Error { let message: String }

    /// The code cells as `chorus run --echo` shows them: each statement behind its prompt (the
    /// cell's execution count), then its outputs' text — streams as written, display data by its
    /// `text/plain`, an error by its traceback.
    var transcript: String {
        var text = ""
        for cell in json["cells"] as? [[String: Any]] ?? [] where cell["cell_type"] as? String == "code" {
            let source = Self.joined(cell["source"])
            for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                text +=
                    (index == 0 ? Prompt.primary(number: cell["execution_count"] as? Int ?? 0) : Prompt.continuation)
                    + line + "\n"
            }
            for output in cell["outputs"] as? [[String: Any]] ?? [] {
                switch output["output_type"] as? String {
                case "stream": text += Self.joined(output["text"])
                case "display_data", "execute_result":
                    text += Self.joined((output["data"] as? [String: Any])?["text/plain"])
                case "error": text += (output["traceback"] as? [String] ?? []).map { $0 + "\n" }.joined()
                default: break
                }
            }
        }
        return text
    }

    /// The notebook without the date it was written, as compact JSON with sorted keys.
    var undated: String {
        var json = json
        if var metadata = json["metadata"] as? [String: Any], var chorus = metadata["chorus"] as? [String: Any] {
            chorus["date"] = nil
            metadata["chorus"] = chorus
            json["metadata"] = metadata
        }
        let data = (try? JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// nbformat's multi-line string (a string or a list of lines) as one string.
    static func joined(_ value: Any?) -> String {
        (value as? String) ?? (value as? [String] ?? []).joined()
    }
}
