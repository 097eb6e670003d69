import Foundation

/// The engine's only source of time: the current time, the date, and waiting, so that tests can move
/// time by hand instead of waiting for it.
public protocol EngineClock: Sendable {
    /// Seconds since an arbitrary fixed point; only differences mean anything.
    func now() -> Double
    /// The calendar date and time, for records that say when something happened (a stored sample's `createdAt`).
    func date() -> Date
    /// Waits `seconds` (none when zero or less); throws `CancellationError` when the task is cancelled first.
    func sleep(seconds: Double) async throws
}

/// The machine's clocks: monotonic for `now`, the calendar for `date`, and `Task.sleep` for waiting.
public struct SystemClock: EngineClock {
    /// Creates the system clock.
    public init() {}

    public func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    public func date() -> Date { Date() }

    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return try Task.checkCancellation() }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
    }
}
