import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The embedded default: a llama.cpp server on 127.0.0.1 that Chorus starts, watches and stops.
///
/// `scripts/setup-local-engine` installs the engine (the xllamacpp wheel in a
/// venv), its launcher and the model into the cache folder
/// (``ChorusFolders/cache(environment:)``).
/// The server runs in its own session and process group, so a Ctrl-C in the
/// REPL does not reach it; it is stopped when the session ends, and killed by
/// the kernel if `chorus` ends any other way (see ``TetheredProcess``).
public final class LocalEngine: Sendable {
    /// Why the engine could not start.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The model name is not one the setup script installs.
        case unknownModel(String, known: [String])
        /// A file the engine needs is missing.
        case notInstalled(missing: String)
        /// The server process could not be started.
        case launchFailed(String)
        /// The server exited or never answered; the end of its log says why.
        case notReady(seconds: Double, log: String)

        public var description: String {
            switch self {
            case .unknownModel(let name, let known):
                "there is no local model \(name); known: \(known.joined(separator: ", "))"
            case .notInstalled(let missing):
                "the local engine is not set up (\(missing) is missing); run scripts/setup-local-engine"
            case .launchFailed(let reason):
                "the local engine could not start: \(reason)"
            case .notReady(let seconds, let log):
                "the local engine did not answer within \(Int(seconds)) s; its log ends:\n\(log)"
            }
        }
    }

    /// Models the setup script can install.
    public static let knownModels = ["qwen2.5-coder-0.5b-instruct", "qwen2.5-coder-1.5b-instruct"]

    /// The model's name, as in `local:NAME`.
    public let name: String
    /// The server's base URL, `http://127.0.0.1:PORT/v1`.
    public let baseURL: URL
    private let process: TetheredProcess

    private init(name: String, baseURL: URL, process: TetheredProcess) {
        self.name = name
        self.baseURL = baseURL
        self.process = process
    }

    /// Where the weights of the catalogue's model `name` are installed.
    static func modelPath(_ name: String, environment: [String: String]) -> String {
        ChorusFolders.cache(environment: environment) + "/models/\(name).gguf"
    }

    /// The catalogue's models whose weights are installed, in catalogue order: what `local:` offers.
    public static func installedModels(environment: [String: String]) -> [String] {
        knownModels.filter { FileManager.default.fileExists(atPath: modelPath($0, environment: environment)) }
    }

    /// Starts the server for `name` and waits until it answers `/health`.
    public static func start(
        name: String, environment: [String: String], parallel: Int = 8, contextPerSlot: Int = 4096,
        readyTimeout: Double = 180, clock: any EngineClock = SystemClock()
    ) async throws -> LocalEngine {
        guard knownModels.contains(name) else { throw Failure.unknownModel(name, known: knownModels) }
        let cache = ChorusFolders.cache(environment: environment)
        let python = cache + "/engine-venv/bin/python"
        let launcher = cache + "/engine/serve.py"
        let model = modelPath(name, environment: environment)
        for path in [python, launcher, model] where !FileManager.default.fileExists(atPath: path) {
            throw Failure.notInstalled(missing: path)
        }
        let port = try freePort()
        let logPath = cache + "/engine/\(name).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        guard let log = FileHandle(forWritingAtPath: logPath) else {
            throw Failure.launchFailed("cannot write \(logPath)")
        }
        // The launcher puts itself in a session of its own (the child already leads its own process
        // group), so the REPL's Ctrl-C never reaches the server; `stop` signals the group.
        let arguments = [
            launcher, model, "--port", String(port), "--parallel", String(parallel),
            "--ctx", String(parallel * contextPerSlot), "--threads",
            String(ProcessInfo.processInfo.activeProcessorCount),
            "--alias", name,
        ]
        let process: TetheredProcess
        do {
            process = try TetheredProcess.start(
                python, arguments, environment: ProcessInfo.processInfo.environment, output: log)
        } catch {
            throw Failure.launchFailed(error.reason)
        }
        try? log.close()
        let engine = LocalEngine(name: name, baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!, process: process)
        let started = clock.now()
        while clock.now() - started < readyTimeout {
            if !process.isRunning { break }
            if await engine.isHealthy() { return engine }
            do {
                try await clock.sleep(seconds: 0.25)
            } catch {
                engine.stop()
                throw error
            }
        }
        engine.stop()
        throw Failure.notReady(seconds: clock.now() - started, log: tail(of: logPath))
    }

    /// Whether `/health` answers 200.
    public func isHealthy() async -> Bool {
        let url = baseURL.deletingLastPathComponent().appendingPathComponent("health")
        var request = URLRequest(url: url)
        request.timeoutInterval = 2
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return false }
        return (response as? HTTPURLResponse)?.statusCode == 200
    }

    /// A client for the server; its identity is `local:NAME`, whatever port it got.
    public func client(settings: OpenAICompatibleClient.Settings = .init()) throws -> OpenAICompatibleClient {
        try OpenAICompatibleClient(model: name, endpoints: [baseURL], identity: "local:\(name)", settings: settings)
    }

    /// Stops the server (SIGTERM to its process group, then SIGKILL if it lingers).
    public func stop() {
        let group = process.processIdentifier
        guard group > 0, process.isRunning else { return }
        process.signalGroup(SIGTERM)
        var waited = 0
        while process.isRunning, waited < 50 {
            usleep(100_000)
            waited += 1
        }
        process.signalGroup(SIGKILL)
    }

    deinit { stop() }

    /// A TCP port on 127.0.0.1 that is free now.
    static func freePort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw Failure.launchFailed("no socket for a port") }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socketDescriptor, pointer, length) == 0 && getsockname(socketDescriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw Failure.launchFailed("no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func tail(of path: String) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(8).joined(separator: "\n")
    }
}
