#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import Testing

@testable import ChorusREPL

@Suite struct InterruptMonitorTests {
    @Test func sigintSetsTheFlagOnceAndTheProcessLivesOn() async throws {
        InterruptMonitor.install()
        _ = InterruptMonitor.takeInterrupt()
        kill(getpid(), SIGINT)
        var seen = false
        for _ in 0..<100 where !seen {
            seen = InterruptMonitor.takeInterrupt()
            if !seen { try await Task.sleep(nanoseconds: 10_000_000) }
        }
        #expect(seen)
        #expect(!InterruptMonitor.takeInterrupt())
    }
}
