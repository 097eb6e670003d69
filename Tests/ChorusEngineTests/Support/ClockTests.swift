import ChorusEngine
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
        let clock = SystemClock()
        let first = clock.now()
        let second = clock.now()
        #expect(first > 0)
        #expect(second >= first)
        try await Task.sleep(for: .milliseconds(30))
        let third = clock.now()
        #expect(third - first >= 0.029)
        #expect(third - first < 30)
    }
}
