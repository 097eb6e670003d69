/// How the rows of a data file become problems.
///
/// The container (JSON Lines or CSV) follows the file: `.csv` files are read as CSV, everything else
/// as JSON Lines, unless the format itself says `.jsonl` or `.csv`.
public enum DatasetFormat: Sendable, Equatable, Hashable {
    /// GSM8K: `question`, and `answer` ending in `#### N`; optional `id`.
    case gsm8k
    /// MATH / MATH-500: `problem`, `solution` with `\boxed{…}`; optional `answer`, `unique_id`, `level`, `type`.
    case math
    /// JSON Lines with the caller's field names; the answer is taken as written.
    case jsonl(FieldMapping)
    /// CSV (RFC 4180, with a header row) with the caller's column names; the answer is taken as written.
    case csv(FieldMapping)

    /// A short name for summaries: `gsm8k`, `math`, `jsonl` or `csv`.
    public var label: String {
        switch self {
        case .gsm8k: "gsm8k"
        case .math: "math"
        case .jsonl: "jsonl"
        case .csv: "csv"
        }
    }

    /// The format a first row's field names point to, or nil when they point to none.
    ///
    /// `problem` + `solution` means MATH. `question` + `answer` means GSM8K in JSON Lines; in a CSV
    /// file, whose answers are rarely GSM8K's `#### N`, it means those columns taken as written.
    public static func detect(fields: [String], isCSV: Bool) -> DatasetFormat? {
        let names = Set(fields)
        if names.contains("problem") && names.contains("solution") { return .math }
        guard names.contains("question") && names.contains("answer") else { return nil }
        guard isCSV else { return .gsm8k }
        return .csv(
            FieldMapping(
                question: "question",
                answer: "answer",
                id: names.contains("id") ? "id" : nil,
                solution: names.contains("solution") ? "solution" : nil
            )
        )
    }
}
