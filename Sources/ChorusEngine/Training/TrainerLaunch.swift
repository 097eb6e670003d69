import Foundation

/// Starts an installed training engine on an export's launch script and streams its log; an engine
/// that is not installed is never pretended: `missing` says what is absent.
public struct TrainerLaunch: Sendable {
    /// The engine.
    public let engine: TrainerEngine
    /// The environment the script runs in (its `PATH` finds `python3` and the engine's programs).
    public let environment: [String: String]

    /// Creates a launcher.
    public init(engine: TrainerEngine, environment: [String: String]) {
        self.engine = engine
        self.environment = environment
    }

    /// Why the engine cannot start here, or nil when `python3` imports it and its programs are on `PATH`.
    public func missing() async -> String? {
        for program in engine.programs where ChildProcess.locate(program, environment: environment) == nil {
            return "\(program) is not on PATH"
        }
        guard ChildProcess.locate("python3", environment: environment) != nil else { return "python3 is not on PATH" }
        let probe = try? await ChildProcess.run("python3", ["-c", "import \(engine.module)"], environment: environment)
        return probe?.status == 0 ? nil : "python3 cannot import \(engine.module)"
    }

    /// Runs `script` in `folder`, handing each log line to `line` and each training step it reports
    /// to `step`. Returns the exit status; cancelling stops the trainer.
    public func run(
        script: String, folder: String, line: @escaping @Sendable (String) -> Void,
        step: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws -> Int32 {
        try await ChildProcess.stream("bash", [script], environment: environment, workingDirectory: folder) { text in
            // A progress bar redraws with carriage returns: the log keeps the last drawing.
            let shown = text.split(separator: "\r", omittingEmptySubsequences: true).last.map(String.init) ?? text
            line(shown)
            if let number = Self.step(in: shown) { step(number) }
        }
    }

    /// The training step a log line reports: verl's `step:N`, or a `global_step` / `"step": N` field.
    static func step(in line: String) -> Int? {
        for marker in ["step:", "global_step\": ", "global_step': ", "'step': ", "\"step\": "] {
            guard let range = line.range(of: marker, options: .backwards) else { continue }
            let digits = line[range.upperBound...].prefix { $0.isNumber }
            if let number = Int(digits) { return number }
        }
        return nil
    }
}
