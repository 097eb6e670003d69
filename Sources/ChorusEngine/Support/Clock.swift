import Foundation
import Synchronization

/// A source of the current time, so work can be timed and tests can fix the time.
public protocol EngineClock: Sendable {
    /// Seconds since an arbitrary fixed point; only differences mean anything.
    func now() -> Double
}

/// The machine's monotonic clock.
public struct SystemClock: EngineClock {
    /// Creates the system clock.
    public init() {}

    public func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}

/// A clock that moves only when told to: a deterministic stand-in for tests.
public final class ManualClock: EngineClock {
    private let seconds: Mutex<Double>

    /// Creates a clock showing `seconds`.
    public init(seconds: Double = 0) { self.seconds = Mutex(seconds) }

    public func now() -> Double {
        seconds.withLock { $0 }
    }

    /// Moves the clock forward.
    public func advance(by interval: Double) {
        seconds.withLock { $0 += interval }
    }
}
