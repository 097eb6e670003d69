import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

/// Whether scripts/setup-local-engine has installed the engine and the small model.
enum LocalEngineInstall {
    static let model = "qwen2.5-coder-0.5b-instruct"

    static var cacheFolder: String { ChorusFolders.cache(environment: ProcessInfo.processInfo.environment) }

    static var isReady: Bool {
        ["/engine-venv/bin/python", "/engine/serve.py", "/models/\(model).gguf"]
            .allSatisfy { FileManager.default.fileExists(atPath: cacheFolder + $0) }
    }
}

/// The real local engine, end to end: sampling with n > 1, seeds, log-probabilities, stop, and the store.
@Suite(
    .enabled(
        if: LocalEngineInstall.isReady,
        "the local engine is not installed (scripts/setup-local-engine failed or was not run)"),
    .serialized)
struct LocalEngineTests {
    func run(_ script: String, data: URL) throws -> ChorusProcess.Result {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        let file = folder.appendingPathComponent("e2e.chorus")
        try script.write(to: file, atomically: true, encoding: .utf8)
        return try ChorusProcess.chorus(["run", file.path], environment: ["XDG_DATA_HOME": data.path])
    }

    static let seeded = """
        gen = model "local:\(LocalEngineInstall.model)" concurrency: 1
        data = builtin arithmetic count: 2 seed: 3
        s = sample gen data n: 2 seed: 5 max_tokens: 24 logprobs: true
        s
        v = vote s weight: logprob
        v.answers
        """

    @Test func samplesAreStoredAndARerunCallsNothing() throws {
        let data = try TemporaryFolder(removedWhenReleased: false).url
        let first = try run(Self.seeded, data: data)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(
            first.standardError.contains("sample: 0 from the store, 4 drawn from local:\(LocalEngineInstall.model)"))
        #expect(first.standardOutput.contains("sample set samples: 2 problems × 2 samples"))
        let second = try run(Self.seeded, data: data)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardError.contains("sample: 4 from the store, 0 drawn"))
        #expect(first.standardError.contains("starting the local engine"))
        #expect(
            !second.standardError.contains("starting the local engine"), "a rerun answered by the store loads no model")
        // The same samples give the same summary; only the cost line (this run spent nothing) differs.
        let summary = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("cost:") } }
        #expect(summary(second.standardOutput) == summary(first.standardOutput))
    }

    @Test func theSameSeedGivesTheSameSamplesInAFreshStore() throws {
        // One request at a time (concurrency: 1): llama.cpp repeats a seeded sample only when it is not batched with others.
        let one = try run(Self.seeded, data: try TemporaryFolder(removedWhenReleased: false).url)
        let two = try run(Self.seeded, data: try TemporaryFolder(removedWhenReleased: false).url)
        #expect(one.status == 0 && two.status == 0, "\(one.standardError)\(two.standardError)")
        #expect(two.standardError.contains("sample: 0 from the store, 4 drawn"))
        let answers = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("cost:") } }
        #expect(answers(one.standardOutput) == answers(two.standardOutput))
    }

    @Test func unseededSamplingWithNativeNAndStop() throws {
        let script = """
            gen = model "local:\(LocalEngineInstall.model)"
            data = builtin arithmetic count: 1 seed: 4
            s = sample gen data n: 3 max_tokens: 32 stop: ["\\n"]
            s.samples
            """
        let result = try run(script, data: try TemporaryFolder(removedWhenReleased: false).url)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasSuffix("3\n"))
        #expect(result.standardError.contains("sample: 0 from the store, 3 drawn"))
    }
}
