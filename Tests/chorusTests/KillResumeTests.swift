import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` in the middle of sampling, then the same script again: the real binary, a real SQLite
/// store, and a model served over HTTP by a stub server.
@Suite struct KillResumeTests {
    @Test func killedMidRunThenRerunDrawsOnlyWhatWasMissing() async throws {
        // The first 12 requests are answered at once; later ones are held until the server is released,
        // so the first run is killed with exactly 12 samples stored, whatever the machine's load.
        let server = try StubHTTPServer { number, request in
            let seed =
                request.body.range(of: #""seed":\d+"#, options: .regularExpression).map {
                    String(request.body[$0].dropFirst(7))
                } ?? "?"
            let body =
                #"{"choices":[{"index":0,"message":{"role":"assistant","content":"so \\boxed{\#(seed)}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":3}}"#
            return number >= 12 ? .held(body) : .json(body)
        }
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("resume.chorus")
        try """
        m = model "openai:http://127.0.0.1:\(server.port)/v1/stub" concurrency: 2
        s = sample m (builtin arithmetic count: 4 seed: 1) n: 10 seed: 1 max_tokens: 16
        s

        """.write(to: script, atomically: true, encoding: .utf8)
        let environment = ["XDG_DATA_HOME": folder.path]
        let storePath = folder.appendingPathComponent("chorus/samples.sqlite").path

        // First run: 40 samples, 2 at a time; killed once 12 are stored.
        let process = Process()
        process.executableURL = try ChorusProcess.binary
        process.arguments = ["run", script.path]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let log = folder.appendingPathComponent("first-run.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        // Polls the store (another process writes it) until the 12 answered samples are in; the rest
        // are held, so the count cannot pass 12, and a run that fails ends by itself.
        var saved = 0
        while saved < 12, process.isRunning {
            try await Task.sleep(nanoseconds: 50_000_000)
            saved = await Self.count(storePath)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(
            process.terminationReason == .uncaughtSignal,
            "the first run ended by itself: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        saved = await Self.count(storePath)
        #expect(saved == 12)
        let requestsBefore = server.requests.count

        // Second run: what was stored is reused; only the rest is drawn.
        server.release()
        let rerun = try ChorusProcess.chorus(["run", script.path], environment: environment)
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(rerun.standardError.contains("sample: \(saved) from the store, \(40 - saved) drawn"))
        #expect(server.requests.count - requestsBefore == 40 - saved)
        #expect(rerun.standardOutput.contains("4 problems × 10 samples"))
        #expect(await Self.count(storePath) == 40)
    }

    /// The samples in the store at `path` (0 while it does not exist yet). Asynchronous, so that
    /// polling never holds a thread of the pool that the store's own work needs.
    static func count(_ path: String) async -> Int {
        guard FileManager.default.fileExists(atPath: path), let store = try? SQLiteSampleStore(path: path) else {
            return 0
        }
        let count = (try? await store.count()) ?? 0
        await store.close()
        return count
    }
}
