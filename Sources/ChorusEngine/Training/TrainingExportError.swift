/// Why exported training data could not be written or checked.
public enum TrainingExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// There are no rows to write.
    case noRows
    /// The stage cannot be exported for the engine.
    case unsupportedStage(TrainingStage, TrainerEngine)
    /// The folder already holds files and overwriting was not asked for.
    case folderNotEmpty(String)
    /// A file could not be written.
    case cannotWrite(String, reason: String)
    /// No Python with `pyarrow` was found to write parquet.
    case parquetUnavailable(python: String)
    /// The parquet writer failed.
    case parquetFailed(String)
    /// The reward preflight found rows the reward function scores wrongly.
    case preflightFailed(String)
    /// A launch template kept a placeholder nothing filled (a defect in Chorus).
    case unfilledPlaceholder(String)
    /// No `chorus` binary to copy next to the reward function (it grades every reward).
    case graderNotFound(String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .noRows: "no training rows: every prompt was dropped (see the counts above)"
        case .unsupportedStage(let stage, let engine):
            "the \(stage.rawValue) stage is not exported for \(engine.rawValue)"
        case .folderNotEmpty(let path): "\(path) already holds files"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .parquetUnavailable(let python):
            "writing parquet needs pyarrow, which \(python) cannot import (run scripts/setup-train, or set CHORUS_TRAIN_PYTHON)"
        case .parquetFailed(let output): "the parquet writer failed:\n\(output)"
        case .preflightFailed(let output): "the reward preflight failed:\n\(output)"
        case .unfilledPlaceholder(let name): "a launch template kept the placeholder \(name)"
        case .graderNotFound(let looked):
            "no chorus binary to ship with the reward (looked for \(looked)); set CHORUS_GRADER to one"
        }
    }
}
