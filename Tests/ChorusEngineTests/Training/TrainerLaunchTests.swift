import ChorusTestSupport
import Foundation
import Synchronization
import Testing

@testable import ChorusEngine

@Suite struct TrainerLaunchTests {
    @Test func readsTheStepFromEachTrainersLog() {
        #expect(TrainerLaunch.step(in: "step:12 - actor/pg_loss:0.1 - critic/score/mean:0.4") == 12)
        #expect(TrainerLaunch.step(in: "{'loss': 0.52, 'grad_norm': 1.1, 'step': 7}") == 7)
        #expect(TrainerLaunch.step(in: "{\"global_step\": 30, \"reward\": 0.5}") == 30)
        #expect(TrainerLaunch.step(in: "Loading checkpoint shards: 100%") == nil)
    }

    @Test func anEngineIsMissingUntilPythonImportsItAndItsProgramsAreOnThePath() async throws {
        let folder = try TemporaryFolder()
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let bare = TrainerLaunch(engine: .verl, environment: ["PATH": path, "PYTHONPATH": folder.url.path + "/none"])
        #expect(await bare.missing() == "python3 cannot import verl")
        try FileManager.default.createDirectory(atPath: folder.path("verl"), withIntermediateDirectories: true)
        try folder.write("", to: "verl/__init__.py")
        let installed = TrainerLaunch(engine: .verl, environment: ["PATH": path, "PYTHONPATH": folder.url.path])
        #expect(await installed.missing() == nil)
        let openrlhf = TrainerLaunch(engine: .openrlhf, environment: ["PATH": folder.url.path])
        #expect(await openrlhf.missing() == "ray is not on PATH")
    }

    @Test func runsTheScriptAndReportsLinesAndSteps() async throws {
        let folder = try TemporaryFolder()
        let script = try folder.write(
            "printf 'step:1 - a\\rstep:2 - b\\n'\necho 'step:3 - c'\nexit 4\n", to: "launch.sh")
        let lines = Mutex<[String]>([])
        let steps = Mutex<[Int]>([])
        let status = try await TrainerLaunch(engine: .verl, environment: ["PATH": "/usr/bin:/bin"]).run(
            script: script, folder: folder.url.path, line: { line in lines.withLock { $0.append(line) } },
            step: { step in steps.withLock { $0.append(step) } })
        #expect(status == 4)
        #expect(lines.withLock { $0 } == ["step:2 - b", "step:3 - c"])
        #expect(steps.withLock { $0 } == [2, 3])
    }
}
