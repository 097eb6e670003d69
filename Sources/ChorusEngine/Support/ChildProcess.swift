import Foundation

/// Runs another program (Python helpers, trainers): to completion with its output captured, or
/// line by line as it prints. A program name without a slash is looked up on `PATH`.
public enum ChildProcess {
    /// How a finished program ended.
    public struct Result: Sendable, Equatable {
        /// The exit status (128 + the signal when a signal ended it).
        public let status: Int32
        /// Standard output and standard error together, in the order printed.
        public let output: String
    }

    /// Why a program could not be started.
    public struct LaunchFailure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The program.
        public let program: String
        /// What went wrong.
        public let reason: String
        /// The message shown to the user.
        public var description: String { "cannot run \(program): \(reason)" }
    }

    /// The full path of `program`: itself when it holds a slash, else the first match on `PATH`.
    public static func locate(_ program: String, environment: [String: String]) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = folder + "/" + program
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs `program` to completion and returns its status and output.
    public static func run(
        _ program: String, _ arguments: [String], environment: [String: String], workingDirectory: String? = nil
    ) async throws -> Result {
        let collected = OutputCollector()
        let status = try await stream(
            program, arguments, environment: environment, workingDirectory: workingDirectory
        ) { collected.append($0) }
        return Result(status: status, output: collected.text)
    }

    /// Runs `program`, handing each line it prints (without the newline) to `line` as it comes;
    /// cancelling the task terminates the program. Returns the exit status.
    public static func stream(
        _ program: String, _ arguments: [String], environment: [String: String], workingDirectory: String? = nil,
        line: @escaping @Sendable (String) -> Void
    ) async throws -> Int32 {
        guard let path = locate(program, environment: environment) else {
            throw LaunchFailure(program: program, reason: "not found")
        }
        let pipe = Pipe()
        // Tethered: a trainer or helper never outlives `chorus`, whatever ends it (`kill -9` included).
        let process = try TetheredProcess.start(
            path, arguments, environment: environment, output: pipe.fileHandleForWriting, directory: workingDirectory)
        // The child holds its own copy; closing ours lets the reader see the end when the child exits.
        try? pipe.fileHandleForWriting.close()
        let reader = pipe.fileHandleForReading
        return try await withTaskCancellationHandler {
            let status = await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
                Thread.detachNewThread {
                    var pending = Data()
                    while true {
                        let chunk = reader.availableData
                        if chunk.isEmpty { break }
                        pending.append(chunk)
                        while let newline = pending.firstIndex(of: 0x0A) {
                            line(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                            pending.removeSubrange(pending.startIndex...newline)
                        }
                    }
                    if !pending.isEmpty { line(String(decoding: pending, as: UTF8.self)) }
                    continuation.resume(returning: process.waitUntilExit())
                }
            }
            try Task.checkCancellation()
            return status
        } onCancel: {
            Self.terminate(process)
        }
    }

    /// Stops a program and everything it started (it leads a process group): SIGTERM to the group,
    /// then SIGKILL after a grace period, because a child may inherit a mask that blocks SIGTERM.
    private static func terminate(_ process: TetheredProcess, grace: Double = 3) {
        process.signalGroup(SIGTERM)
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: grace)
            process.signalGroup(SIGKILL)
        }
    }
}

/// Lines gathered from a process, from the reader thread.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }
}
