import ChorusEngine
import Foundation

/// `train aggregator`: a learned aggregator trained on this machine, measured on held-out problems
/// next to majority vote, saved by name.
enum AggregatorTraining {
    /// The parameters only `train aggregator` takes.
    struct Options: ParameterList {
        let name = ParameterKey<String?>.named("name", "the aggregator's name (aggregator)")
        let steps = ParameterKey<Int>.named(
            "steps", "policy-gradient steps (aggregator)", default: 200, in: .between(1, 100_000))
        let heldOut = ParameterKey<Double>.named(
            "held_out", "the share of problems held out to measure (aggregator)", default: 0.3, in: .above(0, below: 1))
        let file = ParameterKey<String?>.named(
            "file", "where the aggregator is saved (default: the data folder's aggregators/NAME.json)", type: .path)

        var parameters: [Parameter] {
            let keys: [any ParameterList] = [name, steps, heldOut, file]
            return keys.flatMap(\.parameters)
        }
    }

    static func run(_ input: SampleSetValue, invocation: Invocation) async throws -> Value {
        let options = TrainCommand.aggregator
        let name = invocation[options.name] ?? "learned"
        guard AggregatorFiles.isValidName(name) else {
            throw invocation.error(
                "`name` takes letters, digits, `-` and `_`, not \(Value.quote(name))", at: options.name)
        }
        let steps = invocation[options.steps]
        let heldOut = invocation[options.heldOut]
        let seed = invocation[TrainCommand.seed]
        let rate = invocation[TrainCommand.lr] ?? 0.05
        let path =
            try invocation[options.file]
            ?? AggregatorFiles.defaultPath(for: name, invocation: invocation, at: options.file)
        if invocation.isGiven(options.file) {
            try FileErrors.refuseOverwrite(of: path, invocation, at: options.file, overwrite: TrainCommand.overwrite)
        }
        let split = TrainingSplit(testFraction: heldOut, seed: seed)
        let problems = input.graded.problems
        let parts = split.parts(for: problems.map(\.problem.id))
        let train = problems.filter { parts[$0.problem.id] == .train }
        let test = problems.filter { parts[$0.problem.id] == .test }
        guard !train.isEmpty, !test.isEmpty else {
            throw invocation.error(
                "\(Plural.count(problems.count, "problem")) split into \(train.count) to train on and \(test.count) held out; both need some",
                at: options.heldOut, hint: "use more problems, or another `held_out` or `seed`")
        }
        let trainer = AggregatorTrainer(steps: steps, learningRate: rate, seed: seed)
        let output = invocation.session.output
        var (aggregator, report) = try trainer.train(name: name, train: train, heldOut: test) { step, reward in
            output.progress(
                "train aggregator: step \(step)/\(steps), reward \(NumberFormatting.fixed(reward, digits: 3))")
        }
        output.progress(nil)
        aggregator.provenance = [
            "samples": input.samples.name, "steps": String(steps), "seed": String(seed),
            "held_out": String(heldOut), "train_problems": String(report.trainProblems),
            "held_out_problems": String(report.heldOutProblems),
            "held_out_accuracy": NumberFormatting.fixed(report.heldOutAccuracy * 100, digits: 1),
            "held_out_majority": NumberFormatting.fixed(report.heldOutMajority * 100, digits: 1),
        ]
        output.write(rendered(report, steps: steps) + "\n")
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try aggregator.fileText().write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ArgumentError(wrapping: error, at: options.file, prefix: "cannot save the aggregator to \(path): ")
        }
        output.writeError(
            "train aggregator: saved \(invocation.isGiven(options.file) ? path : "as \(Value.quote(name))")\n")
        return .object(AggregatorValue(aggregator, path: path))
    }

    /// The learning curve (mean reward every tenth of the run) and the held-out table.
    static func rendered(_ report: AggregatorTrainer.Report, steps: Int) -> String {
        let every = max(1, steps / 10)
        let marks = Array(stride(from: every, through: steps, by: every)) + (steps % every == 0 ? [] : [steps])
        let curve = TextTable(
            header: ["step", "reward"],
            rows: marks.map { step in
                // Each mark shows the mean over the steps since the previous mark, which steadies the noise.
                let from = max(0, step - every)
                let window = report.curve[from..<step]
                return [String(step), NumberFormatting.fixed(window.reduce(0, +) / Double(window.count), digits: 3)]
            })
        let percent = { (value: Double) in NumberFormatting.fixed(value * 100, digits: 1) }
        let table = TextTable(
            header: ["held-out (\(report.heldOutProblems) problems)", "acc %"],
            rows: [
                ["learned aggregator", percent(report.heldOutAccuracy)],
                ["majority vote", percent(report.heldOutMajority)],
                ["oracle (any right)", percent(report.heldOutOracle)],
            ])
        return "learning curve (mean sampled reward; \(report.trainProblems) training problems, "
            + "\(report.decisiveProblems) with a right and a wrong answer):\n" + curve.rendered + "\n"
            + "training accuracy \(percent(report.trainAccuracy))%\n" + table.rendered
    }
}

/// Where learned aggregators are saved: `$XDG_DATA_HOME/chorus/aggregators/NAME.json` by default.
enum AggregatorFiles {
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The data folder's file for a name.
    static func defaultPath(
        for name: String, invocation: Invocation, at argument: some ParameterNaming
    ) throws
        -> String
    {
        guard let data = ChorusFolders.data(environment: invocation.session.services.environment) else {
            throw invocation.error("no data folder (set HOME or XDG_DATA_HOME)", at: argument, hint: "or give a path")
        }
        return data + "/aggregators/\(name).json"
    }
}
