import ChorusTestSupport
import Foundation

/// Runs the built `chorus` binary the way a user would, capturing what it writes.
enum ChorusProcess {
    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `chorus` executable next to the test bundle (same build folder), or `CHORUS_BINARY`.
    static var binary: URL {
        get throws {
            if let override = ProcessInfo.processInfo.environment["CHORUS_BINARY"] {
                return URL(fileURLWithPath: override)
            }
            var folder = Bundle.main.bundleURL
            for _ in 0..<3 {
                let candidate = folder.appendingPathComponent("chorus")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
            let fallback = packageRoot.appendingPathComponent(".build/debug/chorus")
            if FileManager.default.isExecutableFile(atPath: fallback.path) { return fallback }
            throw ProcessFailure(
                message:
                    "the chorus binary is not built; run `swift build` first (looked near \(Bundle.main.bundleURL.path))"
            )
        }
    }

    struct ProcessFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// What a finished process left.
    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// Runs `executable` with `arguments`, feeding `input` to its standard input (a pipe).
    static func run(
        _ executable: URL, _ arguments: [String], input: String = "", environment: [String: String] = [:],
        workingDirectory: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"  // even a colour terminal type must give plain text on a pipe
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outputData = Locked<Data>()
        let errorData = Locked<Data>()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            outputData.set(stdout.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errorData.set(stderr.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData.get() ?? Data(), as: UTF8.self),
            standardError: String(decoding: errorData.get() ?? Data(), as: UTF8.self))
    }

    /// Runs the `chorus` binary.
    static func chorus(
        _ arguments: [String], input: String = "", environment: [String: String] = [:], workingDirectory: URL? = nil
    ) throws -> Result {
        try run(try binary, arguments, input: input, environment: environment, workingDirectory: workingDirectory)
    }

}

/// A value shared between a reader thread and the test.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func get() -> Value? { lock.withLock { value } }
}
