import ChorusTestSupport
import Foundation
import Synchronization
import Testing

@testable import ChorusEngine

@Suite struct TrainingExportTests {
    static let environment: [String: String] = {
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"]
        for name in ["HOME", "CHORUS_CACHE", "XDG_CACHE_HOME", "CHORUS_TRAIN_PYTHON"] {
            if let value = ProcessInfo.processInfo.environment[name] { environment[name] = value }
        }
        return environment
    }()

    /// SSA rows for ten problems, two held out.
    static func ssaData() throws -> TrainingData {
        let (set, graded) = TrainingFixtures.set(
            (0..<10).map { $0.isMultiple(of: 3) ? ["4", "4", "3"] : ["3", "3", "4"] },
            golds: Array(repeating: "3", count: 10))
        return try SSATrainingData(
            selection: CandidateSelection(k: 3), split: TrainingSplit(testFraction: 0.3, seed: 2)
        )
        .build(from: graded, samples: set)
    }

    static func export(
        _ engine: TrainerEngine, stage: TrainingStage = .rl, into folder: TemporaryFolder,
        preset: RewardFunction.Preset = .paper
    )
        -> TrainingExport
    {
        TrainingExport(
            engine: engine, stage: stage, folder: folder.path("out"), preset: preset, answerFormat: .answerTag,
            settings: TrainerSettings(model: "Qwen/Qwen2.5-0.5B-Instruct", experiment: "test"),
            dataSource: "chorus/test",
            environment: environment)
    }

    static func rows(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test func verlGetsParquetWithItsSchemaAndThePreflightPasses() async throws {
        let folder = try TemporaryFolder()
        let data = try Self.ssaData()
        let export = Self.export(.verl, into: folder)
        let written = try await export.write(data, overwrite: false)
        #expect(written.dataFiles == ["train.parquet", "test.parquet"])
        #expect(written.trainRows + written.testRows == 10 && written.testRows > 0)
        for name in ["chorus_reward.py", "launch.sh", "launch-ray.sh", "chorus-train.json"] {
            #expect(written.files.contains(name))
        }
        // Read the parquet back with pyarrow and check the schema and the values.
        let python = TrainingExport.trainingPython(environment: Self.environment)
        let reader = """
            import json, sys, pyarrow.parquet as pq
            table = pq.read_table(sys.argv[1])
            print(json.dumps({"schema": str(table.schema), "rows": table.to_pylist()}))
            """
        let result = try await ChildProcess.run(
            python, ["-c", reader, folder.path("out/train.parquet")], environment: Self.environment)
        try #require(
            result.status == 0, "pyarrow could not read the parquet (run scripts/setup-train): \(result.output)")
        let read = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        let schema = read["schema"] as! String
        #expect(schema.contains("data_source: string"))
        #expect(schema.contains("prompt: list<element: struct<role: string, content: string>>"))
        #expect(schema.contains("ability: string"))
        #expect(schema.contains("reward_model: struct<ground_truth: string, style: string>"))
        #expect(schema.contains("extra_info: struct<"))
        let rows = read["rows"] as! [[String: Any]]
        #expect(rows.count == written.trainRows)
        let first = rows[0]
        #expect(first["data_source"] as? String == "chorus/test")
        #expect(first["ability"] as? String == "math")
        #expect((first["reward_model"] as? [String: Any])?["style"] as? String == "rule")
        #expect((first["reward_model"] as? [String: Any])?["ground_truth"] as? String == "3")
        let prompt = first["prompt"] as! [[String: Any]]
        #expect(prompt.count == 1 && prompt[0]["role"] as? String == "user")
        #expect((prompt[0]["content"] as? String)?.hasPrefix("Question: What is question") == true)
        let extra = first["extra_info"] as! [String: Any]
        #expect(extra["split"] as? String == "train" && extra["index"] as? Int == 0)
        #expect(extra["reward_preset"] as? String == "paper" && extra["answer_format"] as? String == "answer_tag")
        let summary = try await export.preflight(written)
        // The preflight ran the reward through the grader copied into the folder.
        let grader = "./chorus"
        #expect(
            summary == [
                "preflight: ok: \(written.trainRows) rows checked, 0 failed (preset paper, format answer_tag, grader \(grader))",
                "preflight: ok: \(written.testRows) rows checked, 0 failed (preset paper, format answer_tag, grader \(grader))",
            ])
    }

    @Test func trlAndOpenRLHFGetJSONLUnderTheirOwnKeys() async throws {
        let data = try Self.ssaData()
        let trl = try TemporaryFolder()
        let trlWritten = try await Self.export(.trl, into: trl).write(data, overwrite: false)
        #expect(
            trlWritten.files == [
                "train.jsonl", "test.jsonl", "chorus_reward.py", "chorus", "trl_launch.py", "trl-grpo.py",
                "launch-common.sh", "launch.sh",
                "chorus-train.json",
            ])
        // The reward drives the copied grader: it is there, runnable, and named in the manifest.
        #expect(FileManager.default.isExecutableFile(atPath: trl.path("out/chorus")))
        let manifest = try String(contentsOfFile: trl.path("out/chorus-train.json"), encoding: .utf8)
        #expect(manifest.contains("\"binary\":\"chorus\""))
        let trlRow = try Self.rows(trl.path("out/train.jsonl"))[0]
        #expect(trlRow["ground_truth"] as? String == "3")
        #expect((trlRow["prompt"] as? [[String: Any]])?.first?["role"] as? String == "user")
        let openrlhf = try TemporaryFolder()
        let written = try await Self.export(.openrlhf, into: openrlhf, preset: .shaped).write(data, overwrite: false)
        let row = try Self.rows(openrlhf.path("out/train.jsonl"))[0]
        #expect(row["label"] as? String == "3")
        #expect(row["input"] is [[String: Any]])
        // OpenRLHF passes no per-row settings: the reward file's defaults carry the preset.
        let reward = try String(contentsOfFile: openrlhf.path("out/chorus_reward.py"), encoding: .utf8)
        #expect(reward.contains("DEFAULT_PRESET = \"shaped\"") && !reward.contains("DEFAULT_PRESET = \"paper\""))
        #expect(try await Self.export(.openrlhf, into: openrlhf, preset: .shaped).preflight(written).count == 2)
    }

    @Test func thePreflightRefusesRowsTheRewardCannotScore() async throws {
        let folder = try TemporaryFolder()
        let data = try Self.ssaData()
        let export = Self.export(.trl, into: folder)
        let written = try await export.write(data, overwrite: false)
        let path = folder.path("out/train.jsonl")
        let broken = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\"ground_truth\":\"3\"", with: "\"ground_truth\":\"\"")
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        await #expect {
            _ = try await export.preflight(written)
        } throws: { error in
            guard case .preflightFailed(let output) = error as? TrainingExportError else { return false }
            return output.contains("FAIL") && output.contains("gold answer is empty")
        }
    }

    @Test func launchScriptsHaveEveryPlaceholderFilled() async throws {
        for engine in TrainerEngine.allCases {
            let folder = try TemporaryFolder()
            let data = try Self.ssaData()
            let written = try await Self.export(engine, into: folder).write(data, overwrite: false)
            // The settings are filled in once, in the file every script sources.
            let common = try String(contentsOfFile: folder.path("out/launch-common.sh"), encoding: .utf8)
            #expect(common.contains("MODEL=${MODEL:-'Qwen/Qwen2.5-0.5B-Instruct'}"), "\(engine)")
            for name in written.files where name.hasSuffix(".sh") {
                let text = try String(contentsOfFile: folder.path("out/" + name), encoding: .utf8)
                #expect(!text.contains("{{"), "\(engine) \(name)")
                if name != "launch-common.sh" {
                    #expect(text.contains("source \"$here/launch-common.sh\""), "\(engine) \(name)")
                }
                let check = try await ChildProcess.run(
                    "bash", ["-n", folder.path("out/" + name)], environment: Self.environment)
                #expect(check.status == 0, "\(engine) \(name): \(check.output)")
            }
        }
    }

    @Test func aFolderWithFilesIsKeptUnlessOverwriting() async throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("out"), withIntermediateDirectories: true)
        try folder.write("mine", to: "out/notes.txt")
        let data = try Self.ssaData()
        await #expect(throws: TrainingExportError.folderNotEmpty(folder.path("out"))) {
            _ = try await Self.export(.trl, into: folder).write(data, overwrite: false)
        }
        _ = try await Self.export(.trl, into: folder).write(data, overwrite: true)
        #expect(try String(contentsOfFile: folder.path("out/notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func sftIsWrittenForTRLOnly() async throws {
        let (set, graded) = TrainingFixtures.set([["1", "2"], ["1", "1"]])
        let data = try GSRTrainingData(selection: CandidateSelection(k: 2), split: TrainingSplit(testFraction: 0))
            .build(from: graded, samples: set, targets: true)
        let folder = try TemporaryFolder()
        await #expect(throws: TrainingExportError.unsupportedStage(.sft, .verl)) {
            _ = try await Self.export(.verl, stage: .sft, into: folder).write(data, overwrite: false)
        }
        let written = try await Self.export(.trl, stage: .sft, into: folder).write(data, overwrite: false)
        #expect(written.files.contains("sft.jsonl") && written.files.contains("trl-sft.py"))
        let row = try Self.rows(folder.path("out/sft.jsonl"))[0]
        let completion = row["completion"] as! [[String: Any]]
        #expect(completion[0]["role"] as? String == "assistant")
        #expect((completion[0]["content"] as? String)?.hasSuffix("\\boxed{1}") == true)
        #expect(try await Self.export(.trl, stage: .sft, into: folder).preflight(written).isEmpty)
    }

    @Test func noTrainingRowsIsAnError() async throws {
        let folder = try TemporaryFolder()
        await #expect(throws: TrainingExportError.noRows) {
            _ = try await Self.export(.trl, into: folder).write(
                TrainingData(examples: [], report: .init()), overwrite: false)
        }
    }
}
