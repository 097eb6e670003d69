import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite("train")
struct TrainCommandTests {
    /// Twenty problems where the first answer is right and the two after it agree on a wrong one.
    static func minorityFirst() throws -> SampleSetValue {
        try EngineFixtures.sampleSetValue(
            name: "minority",
            (0..<20).map { _ in (gold: "1", samples: ["1", "5", "5"].map { Sample(text: "so \\boxed{\($0)}") }) })
    }

    /// A session with the folder's environment (data folder, PATH for python3) and `s` assigned.
    static func harness(_ folder: String, samples: SampleSetValue) async -> Harness {
        let harness = Harness(environment: [
            "XDG_DATA_HOME": folder, "HOME": ProcessInfo.processInfo.environment["HOME"] ?? folder,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ])
        await harness.session.assign("s", .object(samples))
        return harness
    }

    @Test func trainsAnAggregatorThatBeatsTheVoteWhereTheVoteIsWrongAndSavesItByName() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        let harness = await Self.harness(folder, samples: try Self.minorityFirst())
        #expect(
            await harness.run("learned = train aggregator s name: \"first\" steps: 80 held_out: 0.3")
                == report(succeeded: 1))
        let output = harness.output.output
        #expect(output.contains("learning curve (mean sampled reward;"))
        #expect(output.contains("held-out (6 problems)"))
        #expect(output.contains("\nlearned aggregator     100.0\n"))
        #expect(output.contains("\nmajority vote          0.0\n"))
        #expect(harness.output.error == "train aggregator: saved as \"first\"\n")
        #expect(FileManager.default.fileExists(atPath: folder + "/chorus/aggregators/first.json"))
        #expect(
            await harness.run("again = aggregator \"first\"\nagain.name\nv = aggregate s with: again\nv.pass1")
                == report(succeeded: 4))
        #expect(harness.output.output.hasSuffix("\"first\"\n1.0\n"))
    }

    @Test func aggregatorArgumentsAreChecked() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        let harness = await Self.harness(folder, samples: try Self.minorityFirst())
        #expect(await harness.run("train aggregator s engine: trl") == report(failed: 1))
        #expect(harness.output.error.contains("`engine` does not apply to `train aggregator`"))
        #expect(await harness.run("train aggregator s held_out: 1.5") == report(failed: 1))
        #expect(harness.output.error.contains("`held_out` must be above 0 and below 1, not 1.5"))
        #expect(await harness.run("train aggregator s name: \"no spaces please\"") == report(failed: 1))
        #expect(harness.output.error.contains("`name` takes letters, digits"))
        #expect(await harness.run("aggregate s with: (train aggregator s steps: 5) k: 3") == report(failed: 1))
        #expect(harness.output.error.contains("a learned aggregator sees every sample"))
    }

    @Test func handOffWritesTheEngineFilesRunsThePreflightAndPrintsTheCommand() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        let harness = await Self.harness(folder, samples: try Self.minorityFirst())
        let target = folder + "/runs/ssa"
        #expect(
            await harness.run("r = train ssa s to: \(quoted(target)) engine: trl k: 3 test: 0.2\nr.train + r.test")
                == report(succeeded: 2))
        let error = harness.output.error
        #expect(error.contains("train ssa: 20 rows ("))
        #expect(error.contains("majority right in 0, wrong in 20 (0 with no right candidate)"))
        #expect(
            error.contains(
                "train: wrote \(target): train.jsonl, test.jsonl, chorus_reward.py, chorus, trl_launch.py, trl-grpo.py, launch-common.sh, launch.sh, chorus-train.json"
            ))
        #expect(error.contains("preflight: ok:"))
        #expect(error.contains("train: trl is not installed here") || error.contains("train: starting trl"))
        #expect(harness.output.output.hasSuffix("20\n"))
        // The folder now holds files: a second run must ask before writing into it.
        #expect(await harness.run("train ssa s to: \(quoted(target)) engine: trl") == report(failed: 1))
        #expect(harness.output.error.contains("already holds files"))
        #expect(harness.output.error.contains("overwrite: true"))
    }

    @Test func handOffArgumentsAreChecked() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        let harness = await Self.harness(folder, samples: try Self.minorityFirst())
        #expect(await harness.run("train ssa s") == report(failed: 1))
        #expect(harness.output.error.contains("needs a folder to write"))
        #expect(await harness.run("train ssa s to: \"x\" stage: sft") == report(failed: 1))
        #expect(harness.output.error.contains("SSA is trained with RL"))
        #expect(await harness.run("train gsr s to: \"x\" stage: sft engine: verl") == report(failed: 1))
        #expect(harness.output.error.contains("add `engine: trl`"))
        #expect(await harness.run("train ssa s to: \"x\" ratio: 0.5") == report(failed: 1))
        #expect(harness.output.error.contains("`ratio` does not apply to `train ssa`"))
        #expect(await harness.run("train gsr s to: \"x\" ratio: 2") == report(failed: 1))
        #expect(harness.output.error.contains("`ratio` must be between 0 and 1, not 2"))
        #expect(await harness.run("train ssa s to: \"x\" steps: 10") == report(failed: 1))
        #expect(harness.output.error.contains("`steps` does not apply to `train ssa`"))
        #expect(await harness.run("train ssa s to: \"x\" k: 0") == report(failed: 1))
        #expect(harness.output.error.contains("`k` must be between 1 and 64"))
    }

    @Test func anInstalledEngineIsLaunchedAndItsLogStreamed() async throws {
        // A stand-in `trl` package and `accelerate` program: the launch script runs them as it would the real ones.
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        try FileManager.default.createDirectory(atPath: folder + "/fake/trl", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/bin", withIntermediateDirectories: true)
        try writeFile("", named: "fake/trl/__init__.py", in: folder)
        let accelerate = try writeFile(
            "#!/bin/sh\necho \"{'loss': 0.5, 'step': 1}\"\necho \"{'loss': 0.4, 'step': 2}\"\necho trained\n",
            named: "bin/accelerate", in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: accelerate)
        let path = folder + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let harness = Harness(environment: ["PATH": path, "PYTHONPATH": folder + "/fake", "XDG_DATA_HOME": folder])
        await harness.session.assign("s", .object(try Self.minorityFirst()))
        #expect(
            await harness.run("r = train ssa s to: \(quoted(folder + "/runs")) engine: trl\nr.status")
                == report(succeeded: 2))
        let error = harness.output.error
        #expect(error.contains("train: starting trl (Ctrl-C stops it)\n"))
        #expect(error.contains("{'loss': 0.4, 'step': 2}\ntrained\ntrain: trl finished\n"))
        #expect(harness.output.output.hasSuffix("0\n"))
    }
}
