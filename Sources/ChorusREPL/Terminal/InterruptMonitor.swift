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
        install(SIGINT) { signal in
            interruptFlag.store(true, ordering: .sequentiallyConsistent)
            forwardToReadingThread(signal)
        }
        for signal in [SIGTERM, SIGHUP] {
            install(signal) { signal in
                terminationFlag.store(true, ordering: .sequentiallyConsistent)
                interruptFlag.store(true, ordering: .sequentiallyConsistent)
                forwardToReadingThread(signal)
            }
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

    /// Whether Ctrl-C (or a termination signal) came since the last ``takeInterrupt()``, leaving the flag set.
    public static var hasPendingInterrupt: Bool {
        interruptFlag.load(ordering: .sequentiallyConsistent)
    }

    /// Whether SIGTERM or SIGHUP arrived: the session should end after the current statement.
    public static var isTerminating: Bool {
        terminationFlag.load(ordering: .sequentiallyConsistent)
    }
}
