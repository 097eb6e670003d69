import ChorusEngine
import ChorusTestSupport
import Foundation
import Synchronization
import Testing

@Suite("Clock")
struct ClockTests {
    @Test func manualClockStartsWhereTold() {
        #expect(ManualClock().now() == 0)
        #expect(ManualClock(seconds: 5).now() == 5)
    }

    @Test func manualClockMovesOnlyWhenAdvanced() {
        let clock = ManualClock(seconds: 1)
        #expect(clock.now() == 1)
        #expect(clock.now() == 1)
        clock.advance(by: 1.5)
        #expect(clock.now() == 2.5)
        clock.advance(by: 0.25)
        #expect(clock.now() == 2.75)
    }

    @Test func manualClockIsSafeToShare() async {
        let clock = ManualClock()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<100 {
                group.addTask {
                    for _ in 0..<10 { clock.advance(by: 1) }
                }
            }
        }
        #expect(clock.now() == 1000)
    }

    @Test func manualClockAsAnEngineClock() {
        let clock: any EngineClock = ManualClock(seconds: 3)
        #expect(clock.now() == 3)
    }

    @Test func systemClockIsMonotonic() async throws {
        // Real time, so only order is asserted, never how long anything took.
        let clock = SystemClock()
        let first = clock.now()
        let second = clock.now()
        #expect(first > 0)
        #expect(second >= first)
        try await clock.sleep(seconds: 0.001)
        #expect(clock.now() > second)
    }

    @Test func systemClockDateIsTheCalendarsDate() {
        let before = Date()
        let date = SystemClock().date()
        #expect(before <= date && date <= Date())
    }

    @Test func systemClockSleepIsCancellable() async {
        let task = Task { try await SystemClock().sleep(seconds: 86_400) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func manualClockDateIsItsEpochPlusItsSeconds() {
        let clock = ManualClock(seconds: 10, epoch: Date(timeIntervalSince1970: 1_000))
        #expect(clock.date() == Date(timeIntervalSince1970: 1_010))
        clock.advance(by: 5)
        #expect(clock.date() == Date(timeIntervalSince1970: 1_015))
    }

    @Test func manualSleepEndsWhenTheClockIsAdvancedFarEnough() async throws {
        let clock = ManualClock()
        let sleeping = Task {
            try await clock.sleep(seconds: 10)
            return clock.now()
        }
        await clock.untilSleeping()
        clock.advance(by: 9)
        #expect(clock.sleepers == 1)
        clock.advance(by: 1)
        #expect(clock.sleepers == 0)
        #expect(try await sleeping.value == 10)
        #expect(clock.requestedSleeps == [10])
    }

    @Test func manualSleepWakesEarliestFirstAndOnlyThoseDue() async throws {
        let clock = ManualClock()
        let order = WakeOrder()
        let sleepers = (1...3).map { seconds in
            Task {
                try await clock.sleep(seconds: Double(seconds))
                order.append(seconds)
            }
        }
        await clock.untilSleeping(3)
        clock.advance(by: 2)
        try await sleepers[0].value
        try await sleepers[1].value
        #expect(clock.sleepers == 1)
        #expect(Set(order.woken) == [1, 2])
        clock.advance(by: 1)
        try await sleepers[2].value
        #expect(order.woken.last == 3)
    }

    @Test func manualSleepOfNothingReturnsAtOnce() async throws {
        let clock = ManualClock()
        try await clock.sleep(seconds: 0)
        try await clock.sleep(seconds: -1)
        #expect(clock.sleepers == 0)
    }

    @Test func cancellingAManualSleepEndsItWithoutMovingTheClock() async {
        let clock = ManualClock()
        let task = Task { try await clock.sleep(seconds: 1) }
        await clock.untilSleeping()
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.sleepers == 0)
        #expect(clock.now() == 0)
    }

    @Test func aManualSleepInACancelledTaskThrowsAtOnce() async {
        let clock = ManualClock()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await clock.sleep(seconds: 1)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(clock.sleepers == 0)
    }
}

/// The sleeps that ended, in the order they ended.
private final class WakeOrder: Sendable {
    private let state = Mutex<[Int]>([])
    var woken: [Int] { state.withLock { $0 } }
    func append(_ seconds: Int) { state.withLock { $0.append(seconds) } }
}
