/// Training rows in each engine's own layout, as JSON objects.
public struct TrainingRowEncoder: Sendable {
    /// The engine whose layout is written.
    public let engine: TrainerEngine
    /// The reward preset each row names.
    public let preset: RewardFunction.Preset
    /// verl's `data_source`: where the rows came from.
    public let dataSource: String

    /// Creates an encoder.
    public init(engine: TrainerEngine, preset: RewardFunction.Preset, dataSource: String) {
        self.engine = engine
        self.preset = preset
        self.dataSource = dataSource
    }

    /// An RL row: the prompt and the gold answer, under the engine's keys.
    ///
    /// - verl: `data_source`, `prompt` (chat messages), `ability`, `reward_model` (`style: "rule"`,
    ///   `ground_truth`), `extra_info` (`split`, `index`, and what Chorus knows of the row).
    /// - TRL: `prompt` (chat messages), `ground_truth`, and the extra columns the reward function reads.
    /// - OpenRLHF: `input` (chat messages) and `label`.
    public func rlRow(_ example: TrainingExample, index: Int) -> JSONValue {
        let prompt = example.messages.jsonValue
        let gold = JSONValue.string(example.problem.goldAnswer)
        switch engine {
        case .verl:
            return .object([
                "data_source": .string(dataSource),
                "prompt": prompt,
                "ability": .string("math"),
                "reward_model": .object(["style": .string("rule"), "ground_truth": gold]),
                "extra_info": .object(extraInfo(example, index: index)),
            ])
        case .trl:
            var row = extraInfo(example, index: index)
            row["prompt"] = prompt
            row["ground_truth"] = gold
            return .object(row)
        case .openrlhf:
            var row = extraInfo(example, index: index)
            row["input"] = prompt
            row["label"] = gold
            return .object(row)
        }
    }

    /// An SFT row in TRL's conversational prompt–completion layout; nil for a row without a target.
    public func sftRow(_ example: TrainingExample, index: Int) -> JSONValue? {
        guard let target = example.target else { return nil }
        var row = extraInfo(example, index: index)
        row["prompt"] = example.messages.jsonValue
        row["completion"] = [ChatMessage(role: "assistant", content: target)].jsonValue
        row["ground_truth"] = .string(example.problem.goldAnswer)
        return .object(row)
    }

    private func extraInfo(_ example: TrainingExample, index: Int) -> [String: JSONValue] {
        [
            "split": .string(example.split.rawValue),
            "index": .integer(index),
            "problem_id": .string(example.problem.id),
            "kind": .string(example.kind.rawValue),
            "candidates": .integer(example.candidateCount),
            "majority_correct": example.majorityCorrect.map(JSONValue.bool) ?? .null,
            "any_correct": example.anyCorrect.map(JSONValue.bool) ?? .null,
            "reward_preset": .string(preset.name),
            "answer_format": .string(example.answerFormat.rawValue),
        ]
    }
}
