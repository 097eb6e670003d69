import Foundation

/// The parts of a GSM8K `answer`: the worked solution, then `#### N` with the final number.
enum GSM8KAnswer {
    /// The gold answer (after the last `####`, commas removed) and the solution before it,
    /// calculator annotations removed; nil when there is no final `#### N`.
    static func split(_ answer: String) -> (gold: String, solution: String)? {
        guard let marker = answer.range(of: "####", options: .backwards) else { return nil }
        var gold = answer[marker.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
        // Thousands separators: `#### 1,000` means 1000.
        gold.removeAll { $0 == "," }
        guard !gold.isEmpty else { return nil }
        let solution = withoutCalculatorAnnotations(String(answer[..<marker.lowerBound]))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return (gold, solution)
    }

    /// `text` without GSM8K's `<<48/2=24>>` calculator annotations; an unclosed `<<` is left as written.
    static func withoutCalculatorAnnotations(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let open = rest.range(of: "<<"), let close = rest[open.upperBound...].range(of: ">>") {
            result += rest[..<open.lowerBound]
            rest = rest[close.upperBound...]
        }
        result += rest
        return result
    }
}
