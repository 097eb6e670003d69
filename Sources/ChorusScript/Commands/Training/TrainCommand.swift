import ChorusEngine
import Foundation

/// `train`: SSA and GSR training data handed to verl, TRL or OpenRLHF, or a learned aggregator trained here.
struct TrainCommand: Command {
    static let kind = ParameterKey<Kind>.positional("kind", "what to train")
    static let samples = ParameterKey<SampleSetValue>.positional("samples", "the sampled sets the data comes from")
    static let seed = ParameterKey<Int>.named("seed", "seeds subsets, the split, balancing and training", default: 1)
    static let lr = ParameterKey<Double?>.named(
        "lr", "learning rate (default 1e-6 for RL, 1e-5 for SFT, 0.05 for the aggregator)", in: .above(0, atMost: 10))
    static let overwrite = ParameterKey<Bool>.named(
        "overwrite", "write into a folder that already holds files, or replace the aggregator's file", default: false)
    static let handOff = TrainingHandOff.Options(seed: seed)
    static let balance = ParameterKey<Bool>.named(
        "balance", "as many majority-right as majority-wrong training rows (ssa)", default: false)
    static let ratio = ParameterKey<Double>.named(
        "ratio", "the share of refinement rows among GSR rows", default: 0.5, in: .between(0, 1))
    static let refined = ParameterKey<SampleSetValue?>.named(
        "refined", "refine's output on these samples: SFT targets for refinement rows (gsr)")
    static let aggregator = AggregatorTraining.Options()

    let signature = CommandSignature(
        name: "train", group: .training,
        summary: "Builds SSA or GSR training data for verl, TRL or OpenRLHF, or trains a learned aggregator here.",
        parameters: [
            Self.kind, Self.samples, Self.handOff, Self.balance, Self.ratio, Self.refined, Self.aggregator, Self.seed,
            Self.lr, Self.overwrite,
        ],
        variants: CommandVariants(Self.kind) { kind in
            let shared: [any ParameterList] = [Self.samples, Self.seed, Self.lr, Self.overwrite]
            return switch kind {
            case .ssa: shared + [Self.handOff, Self.balance]
            case .gsr: shared + [Self.handOff, Self.ratio, Self.refined]
            case .aggregator: shared + [Self.aggregator]
            }
        },
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
        let input = invocation[Self.samples]
        switch invocation[Self.kind] {
        case .aggregator: return try await AggregatorTraining.run(input, invocation: invocation)
        case .ssa: return try await TrainingHandOff.run(.aggregation, input, invocation: invocation)
        case .gsr: return try await TrainingHandOff.run(.refinement, input, invocation: invocation)
        }
    }

    /// What `train` makes: SSA or GSR data for a trainer, or a learned aggregator trained here.
    enum Kind: String, ParameterChoice {
        case ssa
        case gsr
        case aggregator
    }
}
