import ChorusTestSupport
import Testing

@testable import ChorusEngine

@Suite struct EndpointPoolTests {
    @Test func handsEndpointsOutRoundRobin() async {
        let pool = EndpointPool(count: 3, cooldown: 10, clock: ManualClock())
        var chosen: [Int?] = []
        for _ in 0..<5 { chosen.append(await pool.choose(nativeMany: false)) }
        #expect(chosen == [0, 1, 2, 0, 1])
    }

    @Test func aFailedEndpointRestsForTheCooldown() async {
        let clock = ManualClock()
        let pool = EndpointPool(count: 2, cooldown: 10, clock: clock)
        await pool.markFailed(0)
        #expect(await pool.choose(nativeMany: false) == 1)
        #expect(await pool.choose(nativeMany: false) == 1)
        clock.advance(by: 10)
        #expect(await pool.choose(nativeMany: false) == 0)
    }

    @Test func whenAllRestTheOneDueBackFirstIsTried() async {
        let clock = ManualClock()
        let pool = EndpointPool(count: 2, cooldown: 10, clock: clock)
        await pool.markFailed(1)
        clock.advance(by: 1)
        await pool.markFailed(0)
        #expect(await pool.choose(nativeMany: false) == 1)
        #expect(await pool.isOut(1))
    }

    @Test func nativeManySkipsEndpointsThatFanOut() async {
        let pool = EndpointPool(count: 2, cooldown: 10, clock: ManualClock())
        await pool.markFansOut(0)
        #expect(await pool.choose(nativeMany: true) == 1)
        #expect(await pool.choose(nativeMany: true) == 1)
        await pool.markFansOut(1)
        #expect(await pool.choose(nativeMany: true) == nil)
        #expect(await pool.choose(nativeMany: false) != nil)
    }
}
