import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set by the SIGINT handler; read and cleared by the REPL's loop.
private let interruptFlag = Atomic<Bool>(false)
/// Set, and never cleared, by SIGTERM or SIGHUP: the session should end.
private let terminationFlag = Atomic<Bool>(false)
/// The write end of the pipe the handlers write a byte to, so that a wait on the terminal wakes up
/// whenever a signal lands: a flag alone is seen only by a `read` the signal happens to interrupt,
/// and one that lands while line editing redraws the line would wait for the next key. -1 until
/// ``InterruptMonitor/install()``.
private let wakeWriter = Atomic<Int32>(-1)
/// The read end of that pipe.
private let wakeReader = Atomic<Int32>(-1)
/// The thread that installed the handlers: the one that reads the terminal. Written once, before
/// any handler can run.
nonisolated(unsafe) private var readingThread = pthread_self()

/// Passes a signal that the kernel delivered to another thread on to the reading thread.
///
/// A process-directed signal goes to any thread that does not block it; only when it lands on the
/// thread blocked in `read` does that `read` return, so that the half-typed line is dropped at once
/// rather than at the next Enter. `pthread_kill` is async-signal-safe.
private func forwardToReadingThread(_ signal: Int32) {
    if pthread_equal(pthread_self(), readingThread) == 0 { pthread_kill(readingThread, signal) }
}

/// Wakes a ``InterruptMonitor/waitUntilReadable(_:)``; `write` is async-signal-safe, and a full
/// pipe already holds a wake-up.
private func wakeWaiters() {
    let descriptor = wakeWriter.load(ordering: .sequentiallyConsistent)
    guard descriptor >= 0 else { return }
    var byte: UInt8 = 1
    _ = write(descriptor, &byte, 1)
}

/// Catches Ctrl-C (SIGINT) without ending the process, and SIGTERM/SIGHUP so the session ends cleanly.
/// Call ``install()`` from the thread that reads the terminal.
///
/// The handlers only set atomic flags and are installed without
/// `SA_RESTART`, so a blocking `read` at the prompt returns at once: the REPL
/// then drops the half-typed line, or cancels the running statement. On
/// SIGTERM or SIGHUP the running statement is cancelled too and the session
/// ends the normal way, so a local engine it started is stopped.
public enum InterruptMonitor {
    /// Installs the handlers.
    public static func install() {
        readingThread = pthread_self()
        openWakePipe()
        install(SIGINT) { signal in
            interruptFlag.store(true, ordering: .sequentiallyConsistent)
            wakeWaiters()
            forwardToReadingThread(signal)
        }
        for signal in [SIGTERM, SIGHUP] {
            install(signal) { signal in
                terminationFlag.store(true, ordering: .sequentiallyConsistent)
                interruptFlag.store(true, ordering: .sequentiallyConsistent)
                wakeWaiters()
                forwardToReadingThread(signal)
            }
        }
    }

    private static func openWakePipe() {
        guard wakeReader.load(ordering: .sequentiallyConsistent) < 0 else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeReader.store(ends[0], ordering: .sequentiallyConsistent)
        wakeWriter.store(ends[1], ordering: .sequentiallyConsistent)
    }

    /// Whether an interrupt (or a termination signal) is pending; unlike ``takeInterrupt()`` it
    /// leaves the flag set.
    public static var isInterruptPending: Bool {
        interruptFlag.load(ordering: .sequentiallyConsistent)
    }

    /// Waits until `descriptor` has something to read (data, its end, or an error): true then,
    /// false as soon as an interrupt is pending, whenever its signal lands, before the wait or
    /// during it.
    public static func waitUntilReadable(_ descriptor: Int32) -> Bool {
        let wake = wakeReader.load(ordering: .sequentiallyConsistent)
        var waits = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        if wake >= 0 { waits.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
        while true {
            // The flag is set before the byte is written, so a signal that lands after this check
            // leaves a byte that ends the poll below.
            if isInterruptPending { return false }
            let ready = poll(&waits, nfds_t(waits.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return true  // let the caller's read see the error
            }
            if waits.count > 1, waits[1].revents != 0 {
                // Drain the wake-ups; those of interrupts already taken are stale.
                var bytes = [UInt8](repeating: 0, count: 64)
                while read(wake, &bytes, bytes.count) > 0 {}
            }
            if waits[0].revents != 0 { return !isInterruptPending }
        }
    }

    private static func install(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
        // A parent (a test runner, a job control shell) may have blocked the signal; the mask is inherited.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, signal)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }

    /// Whether Ctrl-C (or a termination signal) came since the last call; clears the flag.
    public static func takeInterrupt() -> Bool {
        interruptFlag.exchange(false, ordering: .sequentiallyConsistent)
    }

    /// Whether SIGTERM or SIGHUP arrived: the session should end after the current statement.
    public static var isTerminating: Bool {
        terminationFlag.load(ordering: .sequentiallyConsistent)
    }
}
