import Foundation

/// Writes training data into a folder in one engine's native layout, with the reward function
/// (`chorus_reward.py` and the `chorus` binary it drives), the launch scripts and a manifest, and
/// checks the reward on the written rows (the preflight).
public struct TrainingExport: Sendable {
    /// What was written.
    public struct Written: Sendable, Equatable {
        /// The folder.
        public let folder: String
        /// The files written, by name, in the order written.
        public let files: [String]
        /// Rows per split.
        public let trainRows: Int
        /// Held-out rows.
        public let testRows: Int
        /// The data files the preflight checks.
        public let dataFiles: [String]
        /// The command that starts training.
        public let command: String
    }

    /// The engine whose layout is written.
    public let engine: TrainerEngine
    /// RL or SFT.
    public let stage: TrainingStage
    /// Where the files go.
    public let folder: String
    /// The reward levels.
    public let preset: RewardFunction.Preset
    /// Where answers must be (SSA: `<answer>`; GSR: `\boxed{}`).
    public let answerFormat: RewardFunction.AnswerFormat
    /// What the launch scripts pass the trainer.
    public let settings: TrainerSettings
    /// Where the rows came from (verl's `data_source`).
    public let dataSource: String
    /// Facts recorded in the manifest (source set, template version, options).
    public let provenance: [String: String]
    /// The environment Python helpers run in (`PATH`, `CHORUS_CACHE`, `CHORUS_TRAIN_PYTHON`).
    public let environment: [String: String]

    /// Creates an export.
    public init(
        engine: TrainerEngine, stage: TrainingStage, folder: String, preset: RewardFunction.Preset,
        answerFormat: RewardFunction.AnswerFormat, settings: TrainerSettings, dataSource: String,
        provenance: [String: String] = [:], environment: [String: String]
    ) {
        self.engine = engine
        self.stage = stage
        self.folder = URL(fileURLWithPath: folder).standardizedFileURL.path
        self.preset = preset
        self.answerFormat = answerFormat
        self.settings = settings
        self.dataSource = dataSource
        self.provenance = provenance
        self.environment = environment
    }

    /// The Python that writes parquet: `CHORUS_TRAIN_PYTHON`, else the cache's `train-venv`, else `python3`.
    public static func trainingPython(environment: [String: String]) -> String {
        if let chosen = environment["CHORUS_TRAIN_PYTHON"], !chosen.isEmpty { return chosen }
        let venv = ChorusFolders.cache(environment: environment) + "/train-venv/bin/python"
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }

    /// Writes every file; refuses a folder that already holds files unless `overwrite`.
    public func write(_ data: TrainingData, overwrite: Bool) async throws -> Written {
        if stage == .sft && engine != .trl { throw TrainingExportError.unsupportedStage(stage, engine) }
        let train = data.rows(in: .train)
        let test = data.rows(in: .test)
        guard !train.isEmpty else { throw TrainingExportError.noRows }
        try prepareFolder(overwrite: overwrite)
        var files: [String] = []
        var dataFiles: [String] = []
        let encoder = TrainingRowEncoder(engine: engine, preset: preset, dataSource: dataSource)
        func rows(_ examples: [TrainingExample]) -> String {
            examples.enumerated().compactMap { index, example in
                stage == .sft
                    ? encoder.sftRow(example, index: index)?.jsonText : encoder.rlRow(example, index: index).jsonText
            }.map { $0 + "\n" }.joined()
        }
        let names = stage == .sft ? ("sft", "sft-test") : ("train", "test")
        for (name, examples) in [(names.0, train), (names.1, test)] where !examples.isEmpty {
            let jsonl = name + ".jsonl"
            try save(rows(examples), as: jsonl, into: &files)
            dataFiles.append(jsonl)
        }
        if engine == .verl {
            try save(ShippedFiles.parquetWriter, as: "chorus_parquet.py", into: &files)
            dataFiles = try await writeParquet(dataFiles, into: &files)
        }
        try save(
            ShippedFiles.rewardFunction(preset: preset, format: answerFormat), as: "chorus_reward.py", into: &files)
        if stage == .rl { try copyGrader(into: &files) }
        let values = placeholderValues(dataFiles: dataFiles, examples: data.examples)
        for (template, name) in launchFiles {
            guard let text = ShippedFiles.launchTemplate(template) else { continue }
            let filled = template.hasSuffix(".sh") ? try ShippedFiles.fill(text, values: values) : text
            try save(filled, as: name, into: &files, executable: name.hasSuffix(".sh") && name != "launch-common.sh")
        }
        let command = "bash " + ShippedFiles.shellQuoted(folder + "/launch.sh")
        try save(
            manifest(report: data.report, train: train.count, test: test.count, command: command) + "\n",
            as: "chorus-train.json", into: &files)
        return Written(
            folder: folder, files: files, trainRows: train.count, testRows: test.count, dataFiles: dataFiles,
            command: command)
    }

    /// The `chorus` binary the reward drives (`chorus grade --serve`): `CHORUS_GRADER`, else the
    /// running `chorus`, else a `chorus` beside the running program (a test runner in the build folder).
    public static func graderBinary(environment: [String: String]) throws(TrainingExportError) -> String {
        if let chosen = environment["CHORUS_GRADER"], !chosen.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: chosen) else { throw .graderNotFound(chosen) }
            return chosen
        }
        let running = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        if running.lastPathComponent == "chorus" { return running.path }
        let beside = running.deletingLastPathComponent().appendingPathComponent("chorus").path
        guard FileManager.default.isExecutableFile(atPath: beside) else { throw .graderNotFound(beside) }
        return beside
    }

    /// Copies the grading binary into the folder as `chorus`.
    private func copyGrader(into files: inout [String]) throws {
        let source = try Self.graderBinary(environment: environment)
        let target = folder + "/chorus"
        let manager = FileManager.default
        try? manager.removeItem(atPath: target)
        do {
            try manager.copyItem(atPath: source, toPath: target)
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: target)
        } catch {
            throw TrainingExportError.cannotWrite(target, reason: error.localizedDescription)
        }
        files.append("chorus")
    }

    /// Runs the reward function's preflight on every data file: the gold answer in the format must
    /// score the preset's full reward, a wrong answer in the format its format reward, and a
    /// response without the format its lowest. Returns the preflight's summary lines.
    public func preflight(_ written: Written) async throws -> [String] {
        guard stage == .rl else { return [] }
        let python = engine == .verl ? Self.trainingPython(environment: environment) : "python3"
        var summary: [String] = []
        for file in written.dataFiles {
            let result = try await ChildProcess.run(
                python,
                [
                    folder + "/chorus_reward.py", "preflight", folder + "/" + file, "--reward", preset.name,
                    "--format", answerFormat.rawValue,
                ],
                environment: environment, workingDirectory: folder)
            guard result.status == 0 else { throw TrainingExportError.preflightFailed(result.output) }
            summary.append(contentsOf: result.output.split(separator: "\n").map(String.init))
        }
        return summary
    }

    /// The launch files: (template, name written); every script sources `launch-common.sh`, and the
    /// TRL scripts import `trl_launch.py`.
    private var launchFiles: [(String, String)] {
        let common = ("launch-common.sh", "launch-common.sh")
        let trl = ("trl_launch.py", "trl_launch.py")
        return switch (engine, stage) {
        case (.verl, _): [common, ("verl-grpo.sh", "launch.sh"), ("verl-grpo-ray.sh", "launch-ray.sh")]
        case (.trl, .rl): [trl, ("trl-grpo.py", "trl-grpo.py"), common, ("trl-grpo.sh", "launch.sh")]
        case (.trl, .sft): [trl, ("trl-sft.py", "trl-sft.py"), common, ("trl-sft.sh", "launch.sh")]
        case (.openrlhf, _): [common, ("openrlhf-grpo.sh", "launch.sh")]
        }
    }

    private func placeholderValues(dataFiles: [String], examples: [TrainingExample]) -> [String: String] {
        // The first file holds the training rows; the second, when there is one, the held-out rows.
        // Without held-out rows verl validates on the training rows (it needs a file); TRL and
        // OpenRLHF get an empty name and skip evaluation.
        let trainPath = folder + "/" + dataFiles[0]
        let testPath = dataFiles.count > 1 ? folder + "/" + dataFiles[1] : engine == .verl ? trainPath : ""
        return [
            "MODEL": settings.model,
            "DATA_DIR": folder,
            "TRAIN_FILE": trainPath,
            "TEST_FILE": testPath,
            "REWARD_FILE": folder + "/chorus_reward.py",
            "ROLLOUT_N": String(settings.rolloutN),
            "MAX_PROMPT_LENGTH": String(TrainerSettings.maxPromptLength(of: examples)),
            "MAX_RESPONSE_LENGTH": String(settings.maxResponseLength),
            "BATCH_SIZE": String(settings.batchSize),
            "EPOCHS": String(settings.epochs),
            "LEARNING_RATE": String(settings.learningRate),
            "GPUS": String(settings.gpus),
            "NODES": String(settings.nodes),
            "PROJECT": settings.project,
            "EXPERIMENT": settings.experiment,
            "OUTPUT_DIR": folder + "/checkpoints",
        ]
    }

    private func manifest(report: TrainingData.Report, train: Int, test: Int, command: String) -> String {
        let counts: [String: JSONValue] = [
            "majority_right": .integer(report.majorityRight), "majority_wrong": .integer(report.majorityWrong),
            "none_correct": .integer(report.noneCorrect), "truncated": .integer(report.truncated),
            "over_budget": .integer(report.overBudget), "dropped_by_balance": .integer(report.droppedByBalance),
            "dropped_by_mix": .integer(report.droppedByMix), "without_target": .integer(report.withoutTarget),
        ]
        return JSONValue.object([
            "engine": .string(engine.rawValue),
            "stage": .string(stage.rawValue),
            "rows": .object(["train": .integer(train), "test": .integer(test)]),
            "counts": .object(counts),
            "reward": .object([
                "preset": .string(preset.name), "correct": .double(preset.correct),
                "formatted": .double(preset.formatted), "unformatted": .double(preset.unformatted),
                "answer_format": .string(answerFormat.rawValue),
            ]),
            "grader": stage == .rl
                ? .object([
                    "binary": .string("chorus"),
                    "run": .string(
                        "chorus grade --serve, started by chorus_reward.py; CHORUS_GRADER names another binary"),
                ]) : .null,
            "data_source": .string(dataSource),
            "provenance": .object(provenance.mapValues(JSONValue.string)),
            "model": .string(settings.model),
            "command": .string(command),
        ]).jsonText
    }

    private func prepareFolder(overwrite: Bool) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw TrainingExportError.cannotWrite(folder, reason: "it is a file") }
            let contents = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
            if !contents.isEmpty && !overwrite { throw TrainingExportError.folderNotEmpty(folder) }
        } else {
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw TrainingExportError.cannotWrite(folder, reason: error.localizedDescription)
            }
        }
    }

    private func save(_ text: String, as name: String, into files: inout [String], executable: Bool = false) throws {
        let path = folder + "/" + name
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: executable ? 0o755 : 0o644])
        else { throw TrainingExportError.cannotWrite(path, reason: "the file could not be created") }
        files.append(name)
    }

    /// Converts each JSONL data file to parquet with the training Python; returns the parquet names.
    private func writeParquet(_ jsonl: [String], into files: inout [String]) async throws -> [String] {
        let python = Self.trainingPython(environment: environment)
        let probe = try? await ChildProcess.run(python, ["-c", "import pyarrow"], environment: environment)
        guard probe?.status == 0 else { throw TrainingExportError.parquetUnavailable(python: python) }
        var written: [String] = []
        for name in jsonl {
            let parquet = String(name.dropLast(".jsonl".count)) + ".parquet"
            let result = try await ChildProcess.run(
                python, [folder + "/chorus_parquet.py", folder + "/" + name, folder + "/" + parquet],
                environment: environment, workingDirectory: folder)
            guard result.status == 0 else { throw TrainingExportError.parquetFailed(result.output) }
            files.append(parquet)
            written.append(parquet)
        }
        return written
    }
}
