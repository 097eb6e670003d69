/// A training engine Chorus hands data to, with the files it reads and how to tell it is installed.
public enum TrainerEngine: String, Sendable, CaseIterable {
    /// verl (`verl.trainer.main_ppo`): parquet rows, `compute_score`, GRPO.
    case verl
    /// Hugging Face TRL (`GRPOTrainer`, `SFTTrainer`): JSONL datasets, `reward_func`, `accelerate launch`.
    case trl
    /// OpenRLHF (`openrlhf.cli.train_ppo_ray`): JSONL with input and label keys, `reward_func`, Ray.
    case openrlhf

    /// The Python module whose import tells the engine is installed.
    public var module: String {
        switch self {
        case .verl: "verl"
        case .trl: "trl"
        case .openrlhf: "openrlhf"
        }
    }

    /// Programs the launch script runs besides Python, which must be on `PATH`.
    public var programs: [String] {
        switch self {
        case .verl: []
        case .trl: ["accelerate"]
        case .openrlhf: ["ray"]
        }
    }

    /// The extension of the data files the engine reads.
    public var dataExtension: String { self == .verl ? "parquet" : "jsonl" }
}

/// Which training stage the data is for.
public enum TrainingStage: String, Sendable, CaseIterable {
    /// Reinforcement learning (GRPO) against the reward function.
    case rl
    /// Supervised fine-tuning on solutions the grader marked correct.
    case sft
}
