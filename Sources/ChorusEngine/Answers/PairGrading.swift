/// `chorus grade --pairs`: one JSONL row in, one JSONL row out, never a crash.
///
/// In: `{"id": …, "gold": "…", "response": "…"}`. Out:
/// `{"id": …, "extracted": "…" or null, "equal": true|false, "bucket": "match"|"mismatch"|"unparseable"}`,
/// or `{"id": …, "error": "…"}` for a row that cannot be graded. With a reward function, out is
/// `{"id": …, "extracted": …, "formatted": …, "correct": …, "reward": …}` (the trainers' reward).
public struct PairGrading: Sendable {
    /// The grader applied to every row.
    public let grader: Grader
    /// Scores rows as an RL trainer would, instead of grading them, when set.
    public let reward: RewardFunction?

    /// Creates pair grading with a grader.
    public init(grader: Grader = Grader()) {
        self.grader = grader
        self.reward = nil
    }

    /// Creates pair grading that scores each row with a reward function.
    public init(reward: RewardFunction) {
        self.grader = Grader(extraction: reward.format.extraction)
        self.reward = reward
    }

    /// The output row for one input line (without a newline).
    public func gradeLine(_ line: String) -> String {
        gradeLine(bytes: Array(line.utf8))
    }

    /// The output row for one input line given as UTF-8 bytes (without a newline).
    public func gradeLine(bytes: [UInt8]) -> String {
        let fields: [String: JSONRowValue]
        do {
            guard case .object(let object) = try JSONRowParser.parse(bytes: bytes) else {
                return errorRow(id: nil, "not a JSON object")
            }
            fields = object
        } catch {
            return errorRow(id: nil, "not valid JSON: \(error.description)")
        }
        let id = fields["id"]?.jsonText ?? "null"
        guard case .string(let gold)? = fields["gold"] else {
            return errorRow(id: id, fields["gold"] == nil ? "missing field \"gold\"" : "\"gold\" is not a string")
        }
        guard case .string(let response)? = fields["response"] else {
            return errorRow(
                id: id, fields["response"] == nil ? "missing field \"response\"" : "\"response\" is not a string")
        }
        if let reward {
            let outcome = reward.score(response: response, gold: gold)
            let extracted = outcome.extracted.map { JSONText.quote($0) } ?? "null"
            return "{\"id\": \(id), \"extracted\": \(extracted), \"formatted\": \(outcome.formatted), "
                + "\"correct\": \(outcome.correct), \"reward\": \(outcome.reward)}"
        }
        let grade = grader.grade(response: response, gold: gold)
        let extracted = grade.extracted.map { JSONText.quote($0.text) } ?? "null"
        let bucket: String
        switch grade.bucket {
        case .match: bucket = "match"
        case .mismatch: bucket = "mismatch"
        case .unparseable: bucket = "unparseable"
        }
        return "{\"id\": \(id), \"extracted\": \(extracted), \"equal\": \(grade.bucket == .match), \"bucket\": \"\(bucket)\"}"
    }

    private func errorRow(id: String?, _ reason: String) -> String {
        "{\"id\": \(id ?? "null"), \"error\": \(JSONText.quote(reason))}"
    }
}
