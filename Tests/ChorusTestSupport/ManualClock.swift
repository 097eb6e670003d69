import ChorusEngine
import Foundation
import Synchronization

/// A clock that moves only when the test moves it: the engine's `EngineClock` with no machine time in it.
///
/// As with swift-nio's `EmbeddedEventLoop.advanceTime`, `advance(by:)` wakes every sleeper whose time
/// has come, and nothing else ever does; a sleep that is never reached by the clock ends only by
/// cancellation. `untilSleeping(_:)` lets a test wait for the code under test to reach a sleep, so no
/// test has to guess how long that takes.
public final class ManualClock: EngineClock {
    private struct Sleeper {
        let id: UInt64
        let deadline: Double
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var seconds: Double
        var sleepers: [Sleeper] = []
        /// Sleeps cancelled before they were registered.
        var cancelled: Set<UInt64> = []
        var nextID: UInt64 = 0
        var requested: [Double] = []
        var watchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state: Mutex<State>
    private let epoch: Date

    /// Creates a clock showing `seconds`, whose `date()` is `epoch` plus the clock's seconds.
    public init(seconds: Double = 0, epoch: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        state = Mutex(State(seconds: seconds))
        self.epoch = epoch
    }

    public func now() -> Double {
        state.withLock { $0.seconds }
    }

    public func date() -> Date {
        epoch.addingTimeInterval(now())
    }

    /// Waits until the clock has been advanced `seconds` past now, or the task is cancelled.
    public func sleep(seconds: Double) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            state.requested.append(seconds)
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (outcome, woken) = state.withLock {
                    state -> (Result<Void, any Error>?, [CheckedContinuation<Void, Never>]) in
                    if state.cancelled.remove(id) != nil { return (.failure(CancellationError()), []) }
                    guard seconds > 0 else { return (.success(()), []) }
                    state.sleepers.append(
                        Sleeper(id: id, deadline: state.seconds + seconds, continuation: continuation))
                    return (nil, Self.takeWatchers(&state))
                }
                if let outcome { continuation.resume(with: outcome) }
                for watcher in woken { watcher.resume() }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                if let index = state.sleepers.firstIndex(where: { $0.id == id }) {
                    return state.sleepers.remove(at: index)
                }
                state.cancelled.insert(id)
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward and wakes, earliest first, every sleep that is now over.
    public func advance(by interval: Double) {
        let due = state.withLock { state -> [Sleeper] in
            state.seconds += interval
            let now = state.seconds
            let due = state.sleepers.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// The number of sleeps waiting for the clock.
    public var sleepers: Int { state.withLock { $0.sleepers.count } }

    /// Every sleep asked for so far, in seconds, in the order asked.
    public var requestedSleeps: [Double] { state.withLock { $0.requested } }

    /// Returns once at least `count` sleeps are waiting for the clock.
    public func untilSleeping(_ count: Int = 1) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                guard state.sleepers.count < count else { return true }
                state.watchers.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Removes and returns the watchers that enough sleepers now satisfy.
    private static func takeWatchers(_ state: inout State) -> [CheckedContinuation<Void, Never>] {
        let waiting = state.sleepers.count
        let ready = state.watchers.filter { $0.count <= waiting }.map(\.continuation)
        state.watchers.removeAll { $0.count <= waiting }
        return ready
    }
}
