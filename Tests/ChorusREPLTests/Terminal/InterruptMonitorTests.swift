import Foundation
import Testing

@testable import ChorusREPL

#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct InterruptMonitorTests {
    @Test func sigintSetsTheFlagOnceAndTheProcessLivesOn() {
        InterruptMonitor.install()
        _ = InterruptMonitor.takeInterrupt()
        // `raise` runs the handler on this thread (where `install` unblocked SIGINT) before it returns.
        raise(SIGINT)
        #expect(InterruptMonitor.takeInterrupt())
        #expect(!InterruptMonitor.takeInterrupt())
    }

    @Test(.timeLimit(.minutes(1)))
    func aWaitForKeysEndsWhenSigintComesFromAnotherThread() {
        InterruptMonitor.install()
        _ = InterruptMonitor.takeInterrupt()
        let pipe = Pipe()  // nothing is ever written: only the signal can end the wait
        // Whenever the signal lands, before the wait or during it and on whichever thread, the
        // wait must end; the time limit only keeps a broken wait from hanging the suite.
        let sender = Thread { kill(getpid(), SIGINT) }
        sender.start()
        #expect(!InterruptMonitor.waitUntilReadable(pipe.fileHandleForReading.fileDescriptor))
        #expect(InterruptMonitor.takeInterrupt())
    }

    @Test func aWaitOnAReadableDescriptorReturnsAtOnce() throws {
        InterruptMonitor.install()
        _ = InterruptMonitor.takeInterrupt()
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data("x".utf8))
        #expect(InterruptMonitor.waitUntilReadable(pipe.fileHandleForReading.fileDescriptor))
    }
}
