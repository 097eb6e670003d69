/// `chorus grade --pairs` and `--serve`: one JSONL row in, one JSONL row out, never a crash.
///
/// In: `{"id": …, "gold": "…", "response": "…"}`, optionally with `"finish_reason"` (`stop`,
/// `length`, or null), and, to score one row as the trainers' reward, `"reward"` (a preset name)
/// and `"format"` (`answer_tag`, `boxed`). Out: `{"id": …, "extracted": "…" or null, "equal":
/// true|false, "bucket": "match"|"mismatch"|"unparseable"|"truncated", "method": the rule that
/// found the answer or null, "parsed": the answer's normalised form or null, "gold_parsed": the
/// gold's}`, or `{"id": …, "error": "…"}` for a row that cannot be graded. Scored as a reward, out
/// is `{"id": …, "extracted": …, "formatted": …, "correct": …, "reward": …, "truncated": …}`.
public struct PairGrading: Sendable {
    /// The grader applied to every row.
    public let grader: Grader
    /// Scores rows as an RL trainer would, instead of grading them, when set (a row may name its own).
    public let reward: RewardFunction?
    /// What a cut-off response gets.
    public let truncation: TruncationPolicy

    /// Creates pair grading with a grader.
    public init(grader: Grader = Grader(), truncation: TruncationPolicy = .separate) {
        self.grader = grader
        self.reward = nil
        self.truncation = truncation
    }

    /// Creates pair grading that scores each row with a reward function.
    public init(reward: RewardFunction) {
        self.grader = Grader(extraction: reward.format.extraction)
        self.reward = reward
        self.truncation = reward.truncation
    }

    /// The output row for one input line (without a newline).
    public func gradeLine(_ line: String) -> String {
        gradeLine(bytes: Array(line.utf8))
    }

    /// The output row for one input line given as UTF-8 bytes (without a newline).
    public func gradeLine(bytes: [UInt8]) -> String {
        let fields: [String: JSONValue]
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
        var finishReason: String?
        switch fields["finish_reason"] {
        case nil, .null?: finishReason = nil
        case .string(let reason)?: finishReason = reason
        default: return errorRow(id: id, "\"finish_reason\" is not a string or null")
        }
        let rowReward: RewardFunction?
        switch rewardFunction(fields) {
        case .success(let chosen): rowReward = chosen
        case .failure(let failure): return errorRow(id: id, failure.reason)
        }
        if let rowReward {
            let outcome = rowReward.score(response: response, gold: gold, finishReason: finishReason)
            let extracted = outcome.extracted.map { JSONText.quote($0) } ?? "null"
            return "{\"id\": \(id), \"extracted\": \(extracted), \"formatted\": \(outcome.formatted), "
                + "\"correct\": \(outcome.correct), \"reward\": \(outcome.reward), \"truncated\": \(outcome.truncated)}"
        }
        let explained = GradeExplanation(
            grader: grader, response: response, gold: gold, finishReason: finishReason, truncation: truncation)
        let grade = explained.grade
        let extracted = grade.extracted.map { JSONText.quote($0.text) } ?? "null"
        let method = grade.extracted.map { JSONText.quote($0.method.rawValue) } ?? "null"
        return "{\"id\": \(id), \"extracted\": \(extracted), \"equal\": \(grade.bucket == .match), "
            + "\"bucket\": \"\(grade.bucket.rawValue)\", \"method\": \(method), "
            + "\"parsed\": \(explained.parsedForm.map(JSONText.quote) ?? "null"), "
            + "\"gold_parsed\": \(explained.goldForm.map(JSONText.quote) ?? "null")}"
    }

    private struct RowFailure: Error {
        let reason: String
    }

    /// The reward a row asks for (its `reward` and `format`, over this grading's), or nil to grade it.
    private func rewardFunction(_ fields: [String: JSONValue]) -> Result<RewardFunction?, RowFailure> {
        var preset = reward?.preset
        var format = reward?.format
        switch fields["reward"] {
        case nil, .null?: break
        case .string(let name)?:
            guard let named = RewardFunction.Preset.named(name) else {
                let names = RewardFunction.Preset.all.map(\.name).joined(separator: ", ")
                return .failure(RowFailure(reason: "unknown reward preset \"\(name)\" (presets: \(names))"))
            }
            preset = named
        default: return .failure(RowFailure(reason: "\"reward\" is not a string"))
        }
        switch fields["format"] {
        case nil, .null?: break
        case .string(let name)?:
            guard let named = RewardFunction.AnswerFormat(rawValue: name) else {
                return .failure(RowFailure(reason: "unknown answer format \"\(name)\" (formats: answer_tag, boxed)"))
            }
            format = named
        default: return .failure(RowFailure(reason: "\"format\" is not a string"))
        }
        guard let preset else {
            return format == nil ? .success(nil) : .failure(RowFailure(reason: "\"format\" goes with \"reward\""))
        }
        let chosenFormat = format ?? .answerTag
        if let reward, reward.preset == preset, reward.format == chosenFormat { return .success(reward) }
        return .success(
            RewardFunction(
                preset: preset, format: chosenFormat, equivalence: grader.equivalence,
                truncation: reward?.truncation ?? truncation))
    }

    private func errorRow(id: String?, _ reason: String) -> String {
        "{\"id\": \(id ?? "null"), \"error\": \(JSONText.quote(reason))}"
    }
}
