import ChorusEngine
import Foundation

/// `train ssa` and `train gsr`: build the rows, write them for the engine, run the preflight, and
/// launch the engine when it is installed (or print the command).
enum TrainingHandOff {
    static func run(_ kind: CombinerTemplate.Kind, _ input: SampleSetValue, invocation: Invocation) async throws -> Value {
        let command = kind == .aggregation ? "train ssa" : "train gsr"
        guard invocation.isGiven("to") else {
            throw invocation.error("`\(command)` needs a folder to write", at: "kind", hint: "add `to: \"runs/\(kind == .aggregation ? "ssa" : "gsr")\"`")
        }
        let folder = invocation.string("to")
        let engine = TrainerEngine(rawValue: invocation.string("engine")) ?? .verl
        let stage = TrainingStage(rawValue: invocation.string("stage")) ?? .rl
        if stage == .sft && kind == .aggregation {
            throw invocation.error("SSA is trained with RL; `stage: sft` is for `train gsr`", at: "stage")
        }
        if stage == .sft && engine != .trl {
            throw invocation.error("the SFT stage is written for TRL's SFTTrainer", at: "stage", hint: "add `engine: trl`")
        }
        let selection = try CombinerOptions.selection(invocation)
        let budget = try CombinerOptions.budget(invocation)
        let template = try template(invocation, kind: kind)
        let split = try split(invocation)
        let data: TrainingData
        if kind == .aggregation {
            data = try SSATrainingData(
                template: template, selection: selection, budget: budget, balance: invocation.bool("balance"), split: split
            ).build(from: input.graded, samples: input.samples)
        } else {
            let ratio = invocation.double("ratio")
            guard ratio >= 0, ratio <= 1 else { throw invocation.error("`ratio` is a share between 0 and 1, not \(ratio)", at: "ratio") }
            let refined = invocation.object("refined", as: SampleSetValue.self)
            if invocation.isGiven("refined") && stage != .sft {
                throw invocation.error("`refined` gives SFT targets; it needs `stage: sft`", at: "refined")
            }
            data = try GSRTrainingData(
                template: template, selection: selection, budget: budget, refineShare: ratio, split: split
            ).build(from: input.graded, samples: input.samples, targets: stage == .sft, refined: refined?.graded)
        }
        let output = invocation.session.output
        output.writeError(summary(command, data: data, problems: input.samples.problemCount) + "\n")
        let preset = RewardFunction.Preset.named(invocation.string("reward")) ?? .paper
        let export = TrainingExport(
            engine: engine, stage: stage, folder: folder, preset: preset,
            answerFormat: kind == .aggregation ? .answerTag : .boxed, settings: try settings(invocation, stage: stage, name: input.samples.name),
            dataSource: "chorus/" + input.samples.name,
            provenance: [
                "samples": input.samples.name, "template": template.versionKey, "k": String(selection.k),
                "subsets": String(selection.subsets), "seed": String(selection.seed),
                "test": String(split.testFraction),
            ],
            environment: invocation.session.services.environment)
        let written: TrainingExport.Written
        do {
            written = try await export.write(data, overwrite: invocation.bool("overwrite"))
        } catch let failure as TrainingExportError {
            switch failure {
            case .folderNotEmpty:
                throw invocation.error("\(failure)", at: "to", hint: "pass `overwrite: true` to write into it, or choose another folder")
            case .unfilledPlaceholder: throw failure
            default: throw invocation.error("\(failure)", at: failure == .noRows ? "samples" : "engine")
            }
        }
        output.writeError("train: wrote \(folder): \(written.files.joined(separator: ", "))\n")
        if stage == .rl {
            do {
                for line in try await export.preflight(written) { output.writeError(line + "\n") }
            } catch let failure as TrainingExportError {
                throw invocation.error(
                    "\(failure)", at: "reward",
                    hint: "the files stay in \(folder); nothing was launched")
            }
        }
        let script = (folder as NSString).appendingPathComponent("launch.sh")
        let shownCommand = "bash " + ShippedFiles.shellQuoted(script)
        var result: [(key: String, value: Value)] = [
            (key: "folder", value: .string(folder)), (key: "train", value: .int(written.trainRows)),
            (key: "test", value: .int(written.testRows)), (key: "command", value: .string(shownCommand)),
        ]
        let launcher = TrainerLaunch(engine: engine, environment: invocation.session.services.environment)
        if !invocation.bool("launch") {
            output.writeError("train: to start \(engine.rawValue), run: \(shownCommand)\n")
        } else if let missing = await launcher.missing() {
            output.writeError("train: \(engine.rawValue) is not installed here (\(missing)); to train, run where it is: \(shownCommand)\n")
        } else {
            let status = try await launch(launcher, written: written, invocation: invocation)
            result.append((key: "status", value: .int(Int(status))))
        }
        return .record(Record(result))
    }

    /// Streams the trainer's log, with the step it reached on the progress line; a failure is the user's to see.
    private static func launch(_ launcher: TrainerLaunch, written: TrainingExport.Written, invocation: Invocation) async throws -> Int32 {
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
            throw invocation.error("interrupted: the trainer was stopped; its data stays in \(written.folder)", at: "kind")
        }
        output.progress(nil)
        guard status == 0 else {
            throw invocation.error(
                "\(launcher.engine.rawValue) exited with status \(status)", at: "engine",
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

    private static func template(_ invocation: Invocation, kind: CombinerTemplate.Kind) throws -> CombinerTemplate {
        guard invocation.isGiven("template") else { return kind == .aggregation ? .ssa : .gsr }
        return try CombinerOptions.template(invocation, kind: kind)
    }

    private static func split(_ invocation: Invocation) throws -> TrainingSplit {
        let test = invocation.double("test")
        guard test >= 0, test < 1 else { throw invocation.error("`test` is a share in [0, 1), not \(test)", at: "test") }
        return TrainingSplit(testFraction: test, seed: invocation.int("seed"))
    }

    private static func settings(_ invocation: Invocation, stage: TrainingStage, name: String) throws -> TrainerSettings {
        for parameter in ["rollout_n", "max_response", "batch", "epochs", "gpus", "nodes"] where invocation.int(parameter) < 1 {
            throw invocation.error("`\(parameter)` must be at least 1, not \(invocation.int(parameter))", at: parameter)
        }
        let rate = invocation.isGiven("lr") ? invocation.double("lr") : stage == .sft ? 1e-5 : 1e-6
        guard rate > 0, rate < 1 else { throw invocation.error("`lr` must be between 0 and 1, not \(rate)", at: "lr") }
        let model = invocation.string("model")
        guard !model.isEmpty else { throw invocation.error("`model` is empty", at: "model") }
        return TrainerSettings(
            model: model, rolloutN: invocation.int("rollout_n"), maxResponseLength: invocation.int("max_response"),
            batchSize: invocation.int("batch"), epochs: invocation.int("epochs"), learningRate: rate,
            gpus: invocation.int("gpus"), nodes: invocation.int("nodes"),
            experiment: name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }.map(String.init).joined())
    }
}
