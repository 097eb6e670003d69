import ChorusEngine
import Foundation

/// `train`: SSA and GSR training data handed to verl, TRL or OpenRLHF, or a learned aggregator trained here.
struct TrainCommand: Command {
    let signature = CommandSignature(
        name: "train", group: .training,
        summary: "Builds SSA or GSR training data for verl, TRL or OpenRLHF, or trains a learned aggregator here.",
        parameters: [
            .positional("kind", .choice(["ssa", "gsr", "aggregator"]), "what to train"),
            .positional("samples", .object("sample set"), "the sampled sets the data comes from"),
            // Hand-off (ssa, gsr).
            .named("engine", .choice(TrainerEngine.allCases.map(\.rawValue)), "the trainer the data is for", default: .string("verl")),
            .named("to", .path, "the folder to write (ssa, gsr)", default: Value.none),
            .named("model", .string, "the model to train: a Hugging Face id or a path", default: .string("Qwen/Qwen2.5-1.5B-Instruct")),
            .named("stage", .choice(TrainingStage.allCases.map(\.rawValue)), "rl (GRPO) or sft (GSR only; TRL)", default: .string("rl")),
            .named("k", .int, "candidates per prompt", default: .int(4)),
            .named("subsets", .int, "prompts per problem (seeded random k-subsets beyond the first)", default: .int(1)),
            .named("order", .choice(["sampled", "shuffled"]), "the candidates' order in the prompt", default: .string("sampled")),
            .named("budget", .int, "most estimated tokens of candidates per prompt", default: Value.none),
            .named("over_budget", .choice(CandidateBudget.Policy.allCases.map(\.rawValue)), "drop prompts over the budget, or cut them", default: .string("skip")),
            .named("template", .string, "the prompt: built in (`ssa`, `gsr`) or a file", default: Value.none),
            .named("balance", .bool, "as many majority-right as majority-wrong training rows (ssa)", default: .bool(false)),
            .named("ratio", .number, "the share of refinement rows among GSR rows", default: .double(0.5)),
            .named("refined", .object("sample set"), "refine's output on these samples: SFT targets for refinement rows (gsr)", default: Value.none),
            .named("test", .number, "the share of problems held out", default: .double(0.1)),
            .named("reward", .choice(RewardFunction.Preset.all.map(\.name)), "the reward: paper (1 / 0.05 / 0) or shaped (1 / 0 / −1)", default: .string("paper")),
            .named("rollout_n", .int, "samples per prompt in GRPO", default: .int(8)),
            .named("max_response", .int, "most tokens of a trained response", default: .int(1024)),
            .named("batch", .int, "prompts per training batch", default: .int(64)),
            .named("epochs", .int, "passes over the data", default: .int(1)),
            .named("gpus", .int, "GPUs per node", default: .int(8)),
            .named("nodes", .int, "nodes", default: .int(1)),
            .named("launch", .bool, "start the trainer when it is installed here", default: .bool(true)),
            .named("overwrite", .bool, "write into a folder that already holds files, or replace the aggregator's file", default: .bool(false)),
            // Shared, and the learned aggregator's.
            .named("seed", .int, "seeds subsets, the split, balancing and training", default: .int(1)),
            .named("lr", .number, "learning rate (default 1e-6 for RL, 1e-5 for SFT, 0.05 for the aggregator)", default: Value.none),
            .named("name", .string, "the aggregator's name (aggregator)", default: Value.none),
            .named("steps", .int, "policy-gradient steps (aggregator)", default: .int(200)),
            .named("held_out", .number, "the share of problems held out to measure (aggregator)", default: .double(0.3)),
            .named("file", .path, "where the aggregator is saved (default: the data folder's aggregators/NAME.json)", default: Value.none),
        ],
        discussion: """
            `train ssa s` builds SSA's RL data: each row the aggregation prompt \
            `aggregate` would show (same template, k, subsets, order and budget) \
            and the gold answer. `train gsr s` builds GSR's hybrid data: direct \
            prompts and refinement prompts mixed at `ratio`; with `stage: sft` \
            each row carries a solution the grader marked correct (rejection \
            sampling). Rows go to `to:` in the engine's own format (verl: \
            parquet; TRL and OpenRLHF: JSONL) with `chorus_reward.py` (the \
            reward, the same rules as Chorus's grader), launch scripts and a \
            manifest. A preflight then runs the reward on every row: the gold \
            answer in the format must score full reward, a wrong one the format \
            reward, no format the lowest; otherwise nothing is launched. When \
            the engine is installed here, `train` starts it and streams its log; \
            when not, it prints the command to run where it is.

            `train aggregator s` trains a learned aggregator on this machine: a \
            linear policy over each problem's answer classes (vote share, \
            log-probabilities, lengths, position, agreement, …), trained with \
            policy gradient and a group-relative baseline on the problems not \
            held out, then measured on the held-out ones next to majority vote. \
            It is saved by name; `aggregate s with: it` uses it, and \
            `aggregator "NAME"` loads it later.
            """,
        examples: [
            "train ssa s to: \"runs/ssa\" engine: verl k: 4 subsets: 2 balance: true",
            "train gsr s to: \"runs/gsr\" engine: trl stage: sft ratio: 0.5",
            "learned = train aggregator s name: \"linear\" steps: 200",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        guard let input = invocation.object("samples", as: SampleSetValue.self) else {
            throw invocation.error("`samples` must be a sample set", at: "samples")
        }
        let kind = invocation.string("kind")
        let handOff = ["engine", "to", "model", "stage", "k", "subsets", "order", "budget", "over_budget", "template",
                       "balance", "ratio", "refined", "test", "reward", "rollout_n", "max_response", "batch", "epochs",
                       "gpus", "nodes", "launch"]
        let local = ["name", "steps", "held_out", "file"]
        for parameter in kind == "aggregator" ? handOff : local where invocation.isGiven(parameter) {
            throw invocation.error(
                "`\(parameter)` does not apply to `train \(kind)`", at: parameter,
                hint: kind == "aggregator" ? "`train aggregator` takes name, steps, held_out, lr, seed, file, overwrite"
                    : "name, steps, held_out and file are for `train aggregator`")
        }
        if kind != "gsr", invocation.isGiven("ratio") || invocation.isGiven("refined") {
            throw invocation.error("`ratio` and `refined` are for `train gsr`", at: invocation.isGiven("ratio") ? "ratio" : "refined")
        }
        if kind == "aggregator" { return try await AggregatorTraining.run(input, invocation: invocation) }
        return try await TrainingHandOff.run(kind == "ssa" ? .aggregation : .refinement, input, invocation: invocation)
    }
}
