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

    /// A stand-in for the local engine, launched exactly as the real one is (the cache folder's
    /// `engine-venv/bin/python engine/serve.py MODEL --port P …`): it answers `/health` and chat
    /// requests with `\boxed{seed}`, holds every request past the number in `answer-limit` (while that
    /// file exists), and appends its process ID to `pids`.
    static let standInEngine = #"""
        import http.server, json, os, sys, threading
        folder = os.path.dirname(os.path.abspath(__file__))
        with open(os.path.join(folder, "pids"), "a") as f:
            f.write("%d\n" % os.getpid())
        port = int(sys.argv[sys.argv.index("--port") + 1])
        lock = threading.Lock()
        answered = [0]

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def reply(self, payload):
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self):
                self.reply(b"{}")

            def do_POST(self):
                request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with lock:
                    answered[0] += 1
                    number = answered[0]
                limit = os.path.join(folder, "answer-limit")
                if os.path.exists(limit) and number > int(open(limit).read()):
                    threading.Event().wait()
                text = "so \\boxed{%d}" % request.get("seed", 0)
                choice = {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
                usage = {"prompt_tokens": 5, "completion_tokens": 3}
                self.reply(json.dumps({"choices": [choice], "usage": usage}).encode())

        http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
        """#

    @Test(.enabled(if: ChildProcess.locate("python3", environment: ProcessInfo.processInfo.environment) != nil))
    func killedDuringLocalSamplingLeavesNoEngineAndARerunDrawsOnlyWhatWasMissing() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("cache")
        let engineFolder = cache.appendingPathComponent("engine")
        let model = "qwen2.5-coder-0.5b-instruct"
        for sub in ["engine", "engine-venv/bin", "models"] {
            try FileManager.default.createDirectory(
                at: cache.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let python = try #require(ChildProcess.locate("python3", environment: ProcessInfo.processInfo.environment))
        try FileManager.default.createSymbolicLink(
            atPath: cache.appendingPathComponent("engine-venv/bin/python").path, withDestinationPath: python)
        try Self.standInEngine.write(
            to: engineFolder.appendingPathComponent("serve.py"), atomically: true, encoding: .utf8)
        try "".write(to: cache.appendingPathComponent("models/\(model).gguf"), atomically: true, encoding: .utf8)
        try "5".write(to: engineFolder.appendingPathComponent("answer-limit"), atomically: true, encoding: .utf8)
        let script = folder.appendingPathComponent("local.chorus")
        try """
        m = model "local:\(model)" concurrency: 1
        s = sample m (builtin arithmetic count: 4 seed: 1) n: 3 seed: 1 max_tokens: 16
        s

        """.write(to: script, atomically: true, encoding: .utf8)
        let environment = ["XDG_DATA_HOME": folder.path, "CHORUS_CACHE": cache.path, "CHORUS_OFFLINE": ""]
        let storePath = folder.appendingPathComponent("chorus/samples.sqlite").path
        let pidsFile = engineFolder.appendingPathComponent("pids")
        func enginePIDs() -> [Int32] {
            ((try? String(contentsOf: pidsFile, encoding: .utf8)) ?? "").split(separator: "\n").compactMap {
                Int32($0)
            }
        }
        // Whatever happens, no stand-in outlives the test.
        defer { for pid in enginePIDs() { kill(pid, SIGKILL) } }

        // First run: 12 samples one at a time; the engine answers 5, then holds the 6th.
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
        var saved = 0
        while saved < 5, process.isRunning {
            try await Task.sleep(nanoseconds: 50_000_000)
            saved = await Self.count(storePath)
        }
        let engine = try #require(
            enginePIDs().first, "no engine started: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        #expect(Self.isRunning(engine))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        // The engine goes with chorus: polled for at most 5 seconds.
        let deadline = Date().addingTimeInterval(5)
        while Self.isRunning(engine), Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(!Self.isRunning(engine), "the engine outlived chorus")

        // Second run: the 5 stored samples are reused; only the other 7 are drawn, by a fresh engine.
        try FileManager.default.removeItem(at: engineFolder.appendingPathComponent("answer-limit"))
        #expect(await Self.count(storePath) == 5)
        let rerun = try ChorusProcess.chorus(["run", script.path], environment: environment)
        #expect(rerun.status == 0, "\(rerun.standardError)")
        #expect(rerun.standardError.contains("sample: 5 from the store, 7 drawn"))
        #expect(await Self.count(storePath) == 12)
        #expect(enginePIDs().count == 2)
    }

    /// Whether process `pid` runs (a zombie, gone but not yet reaped, does not).
    static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return true }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
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
