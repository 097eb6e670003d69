import Foundation
import Testing

@testable import ChorusREPL

#if canImport(Glibc)
import Glibc
#endif

@Suite struct InterruptMonitorTests {
    @Test func sigintSetsTheFlagOnceAndTheProcessLivesOn() {
        InterruptMonitor.install()
        _ = InterruptMonitor.takeInterrupt()
        // `raise` runs the handler on this thread (where `install` unblocked SIGINT) before it returns.
        raise(SIGINT)
        #expect(InterruptMonitor.takeInterrupt())
        #expect(!InterruptMonitor.takeInterrupt())
    }
}
