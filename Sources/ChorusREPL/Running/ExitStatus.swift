import ChorusScript

/// The process exit codes Chorus uses (after BSD `sysexits.h`).
public enum ExitStatus {
    /// Everything ran.
    public static let success: Int32 = 0
    /// The command line was wrong.
    public static let usage: Int32 = 64
    /// A statement of the script failed.
    public static let scriptError: Int32 = 65
    /// The script file could not be read.
    public static let noInput: Int32 = 66
    /// An output file (`--notebook OUT`) could not be written.
    public static let cannotCreate: Int32 = 73
    /// Chorus itself failed.
    public static let internalError: Int32 = 70
    /// Ctrl-C stopped the run (128 + SIGINT).
    public static let interrupted: Int32 = 130

    /// The exit code a run's report calls for: internal errors first, then script errors, then Ctrl-C.
    public static func code(for report: Session.Report) -> Int32 {
        if report.internalErrors > 0 { return internalError }
        if report.failed > 0 { return scriptError }
        if report.wasInterrupted { return interrupted }
        return success
    }
}
