import ChorusEngine
import Foundation

/// `train ssa` and `train gsr`: build the rows, write them for the engine, run the preflight, and
/// launch the engine when it is installed (or print the command).
enum TrainingHandOff {
    /// The parameters `train ssa` and `train gsr` share: the trainer, the prompts and the run.
    struct Options: ParameterList {
        let engine = ParameterKey<TrainerEngine>.named("engine", "the trainer the data is for", default: .verl)
        let to = ParameterKey<String?>.named("to", "the folder to write (ssa, gsr)", type: .path)
        let model = ParameterKey<String>.named(
            "model", "the model to train: a Hugging Face id or a path", default: "Qwen/Qwen2.5-1.5B-Instruct")
        let stage = ParameterKey<TrainingStage>.named("stage", "rl (GRPO) or sft (GSR only; TRL)", default: .rl)
        let candidates: CandidateOptions
        let template = ParameterKey<String?>.named("template", "the prompt: built in (`ssa`, `gsr`) or a file")
        let test = ParameterKey<Double>.named(
            "test", "the share of problems held out", default: 0.1, in: .from(0, below: 1))
        let reward = ParameterKey<RewardFunction.Preset>.choice(
            "reward", "the reward: paper (1 / 0.05 / 0) or shaped (1 / 0 / −1)", among: RewardFunction.Preset.all,
            word: \.name, default: .paper)
        let rolloutN = ParameterKey<Int>.named("rollout_n", "samples per prompt in GRPO", default: 8, in: .atLeast(1))
        let maxResponse = ParameterKey<Int>.named(
            "max_response", "most tokens of a trained response", default: 1024, in: .atLeast(1))
        let batch = ParameterKey<Int>.named("batch", "prompts per training batch", default: 64, in: .atLeast(1))
        let epochs = ParameterKey<Int>.named("epochs", "passes over the data", default: 1, in: .atLeast(1))
        let gpus = ParameterKey<Int>.named("gpus", "GPUs per node", default: 8, in: .atLeast(1))
        let nodes = ParameterKey<Int>.named("nodes", "nodes", default: 1, in: .atLeast(1))
        let launch = ParameterKey<Bool>.named("launch", "start the trainer when it is installed here", default: true)

        /// The options, with the `seed` the command shares with `train aggregator`.
        init(seed: ParameterKey<Int>) {
            candidates = .training(seed: seed)
        }

        var parameters: [Parameter] {
            let keys: [any ParameterList] = [
                engine, to, model, stage, candidates, template, test, reward, rolloutN, maxResponse, batch, epochs,
                gpus,
                nodes, launch,
            ]
            return keys.flatMap(\.parameters)
        }
    }

    static func run(
        _ kind: CombinerTemplate.Kind, _ input: SampleSetValue, invocation: Invocation
    ) async throws
        -> Value
    {
        let options = TrainCommand.handOff
        let command = kind == .aggregation ? "train ssa" : "train gsr"
        guard let folder = invocation[options.to] else {
            throw invocation.error(
                "`\(command)` needs a folder to write", at: TrainCommand.kind,
                hint: "add `to: \"runs/\(kind == .aggregation ? "ssa" : "gsr")\"`")
        }
        let engine = invocation[options.engine]
        let stage = invocation[options.stage]
        if stage == .sft && kind == .aggregation {
            throw invocation.error("SSA is trained with RL; `stage: sft` is for `train gsr`", at: options.stage)
        }
        if stage == .sft && engine != .trl {
            throw invocation.error(
                "the SFT stage is written for TRL's SFTTrainer", at: options.stage, hint: "add `engine: trl`")
        }
        let selection = options.candidates.selection(invocation)
        let budget = options.candidates.budget(invocation)
        let template =
            try invocation[options.template].map {
                try CombinerOptions.template(named: $0, at: options.template, kind: kind, invocation: invocation)
            } ?? (kind == .aggregation ? .ssa : .gsr)
        let split = TrainingSplit(testFraction: invocation[options.test], seed: invocation[TrainCommand.seed])
        let data: TrainingData
        if kind == .aggregation {
            data = try SSATrainingData(
                template: template, selection: selection, budget: budget, balance: invocation[TrainCommand.balance],
                split: split
            ).build(from: input.graded, samples: input.samples)
        } else {
            let refined = invocation[TrainCommand.refined]
            if refined != nil && stage != .sft {
                throw invocation.error("`refined` gives SFT targets; it needs `stage: sft`", at: TrainCommand.refined)
            }
            data = try GSRTrainingData(
                template: template, selection: selection, budget: budget, refineShare: invocation[TrainCommand.ratio],
                split: split
            ).build(from: input.graded, samples: input.samples, targets: stage == .sft, refined: refined?.graded)
        }
        let output = invocation.session.output
        output.writeError(summary(command, data: data, problems: input.samples.problemCount) + "\n")
        let export = TrainingExport(
            engine: engine, stage: stage, folder: folder, preset: invocation[options.reward],
            answerFormat: kind == .aggregation ? .answerTag : .boxed,
            settings: try settings(invocation, stage: stage, name: input.samples.name),
            dataSource: "chorus/" + input.samples.name,
            provenance: [
                "samples": input.samples.name, "template": template.versionKey, "k": String(selection.k),
                "subsets": String(selection.subsets), "seed": String(selection.seed),
                "test": String(split.testFraction),
            ],
            environment: invocation.session.services.environment)
        let written: TrainingExport.Written
        do {
            written = try await export.write(data, overwrite: invocation[TrainCommand.overwrite])
            // The folder now holds this statement's own files: its replay may write into it again.
            if !invocation[TrainCommand.overwrite] {
                invocation.session.createdFiles.note(invocation, overwrite: TrainCommand.overwrite)
            }
        } catch let failure as TrainingExportError {
            switch failure {
            case .folderNotEmpty:
                throw ArgumentError(
                    wrapping: failure, at: options.to,
                    hint: "pass `overwrite: true` to write into it, or choose another folder")
            case .unfilledPlaceholder: throw failure
            default:
                throw ArgumentError(wrapping: failure, at: failure == .noRows ? TrainCommand.samples : options.engine)
            }
        }
        output.writeError("train: wrote \(folder): \(written.files.joined(separator: ", "))\n")
        if stage == .rl {
            let lines = try await invocation.mapping(
                at: options.reward, hint: "the files stay in \(folder); nothing was launched"
            ) {
                try await export.preflight(written)
            }
            for line in lines { output.writeError(line + "\n") }
        }
        let script = (folder as NSString).appendingPathComponent("launch.sh")
        let shownCommand = "bash " + ShippedFiles.shellQuoted(script)
        var result: [(key: String, value: Value)] = [
            (key: "folder", value: .string(folder)), (key: "train", value: .int(written.trainRows)),
            (key: "test", value: .int(written.testRows)), (key: "command", value: .string(shownCommand)),
        ]
        let launcher = TrainerLaunch(engine: engine, environment: invocation.session.services.environment)
        if !invocation[options.launch] {
            output.writeError("train: to start \(engine.rawValue), run: \(shownCommand)\n")
        } else if let missing = await launcher.missing() {
            output.writeError(
                "train: \(engine.rawValue) is not installed here (\(missing)); to train, run where it is: \(shownCommand)\n"
            )
        } else {
            let status = try await launch(launcher, written: written, invocation: invocation)
            result.append((key: "status", value: .int(Int(status))))
        }
        return .record(Record(result))
    }

    /// Streams the trainer's log, with the step it reached on the progress line; a failure is the user's to see.
    private static func launch(
        _ launcher: TrainerLaunch, written: TrainingExport.Written, invocation: Invocation
    )
        async throws -> Int32
    {
        let output = invocation.session.output
        output.writeError("train: starting \(launcher.engine.rawValue) (Ctrl-C stops it)\n")
        let status: Int32
        do {
            status = try await launcher.run(
                script: written.folder + "/launch.sh", folder: written.folder,
                line: { output.writeError($0 + "\n") },
                step: { output.progress("train: \(launcher.engine.rawValue) step \($0)") })
        } catch is CancellationError {
            output.progress(nil)
            throw invocation.error(
                "interrupted: the trainer was stopped; its data stays in \(written.folder)", at: TrainCommand.kind)
        }
        output.progress(nil)
        guard status == 0 else {
            throw invocation.error(
                "\(launcher.engine.rawValue) exited with status \(status)", at: TrainCommand.handOff.engine,
                hint: "its log is above; the data stays in \(written.folder)")
        }
        output.writeError("train: \(launcher.engine.rawValue) finished\n")
        return status
    }

    /// `train ssa: 16 rows (14 train, 2 test) from 8 problems; majority right in 10, wrong in 6 (…)`.
    static func summary(_ command: String, data: TrainingData, problems: Int) -> String {
        let report = data.report
        var parts = [
            "\(command): \(Plural.count(data.examples.count, "row")) (\(data.rows(in: .train).count) train, "
                + "\(data.rows(in: .test).count) test) from \(Plural.count(problems, "problem"))"
        ]
        if data.count(of: .solve) > 0 || data.count(of: .refine) > 0 {
            parts.append("\(data.count(of: .solve)) direct, \(data.count(of: .refine)) refinement")
        }
        parts.append(
            "majority right in \(report.majorityRight), wrong in \(report.majorityWrong) "
                + "(\(report.noneCorrect) with no right candidate)")
        if report.overBudget > 0 { parts.append("\(report.overBudget) over the budget dropped") }
        if report.truncated > 0 { parts.append("\(report.truncated) cut to the budget") }
        if report.droppedByBalance > 0 { parts.append("\(report.droppedByBalance) dropped to balance") }
        if report.droppedByMix > 0 { parts.append("\(report.droppedByMix) dropped to reach the ratio") }
        if report.withoutTarget > 0 { parts.append("\(report.withoutTarget) without a correct solution dropped") }
        return parts.joined(separator: "; ")
    }

    private static func settings(_ invocation: Invocation, stage: TrainingStage, name: String) throws -> TrainerSettings
    {
        let options = TrainCommand.handOff
        let rate = invocation[TrainCommand.lr] ?? (stage == .sft ? 1e-5 : 1e-6)
        guard rate < 1 else { throw invocation.error("`lr` must be between 0 and 1, not \(rate)", at: TrainCommand.lr) }
        let model = invocation[options.model]
        guard !model.isEmpty else { throw invocation.error("`model` is empty", at: options.model) }
        return TrainerSettings(
            model: model, rolloutN: invocation[options.rolloutN], maxResponseLength: invocation[options.maxResponse],
            batchSize: invocation[options.batch], epochs: invocation[options.epochs], learningRate: rate,
            gpus: invocation[options.gpus], nodes: invocation[options.nodes],
            experiment: name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }.map(String.init).joined())
    }
}

extension TrainerEngine: ParameterChoice {}
extension TrainingStage: ParameterChoice {}
