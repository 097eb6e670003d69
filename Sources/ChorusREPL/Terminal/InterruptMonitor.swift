#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Set by the SIGINT handler; read and cleared by the REPL's loop.
private let interruptFlag = Atomic<Bool>(false)

/// Catches Ctrl-C (SIGINT) without ending the process.
///
/// The handler only sets an atomic flag and is installed without
/// `SA_RESTART`, so a blocking `read` at the prompt returns at once: the REPL
/// then drops the half-typed line, or cancels the running statement.
public enum InterruptMonitor {
    /// Installs the handler.
    public static func install() {
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { _ in interruptFlag.store(true, ordering: .sequentiallyConsistent) }
        #else
            action.__sigaction_u.__sa_handler = { _ in interruptFlag.store(true, ordering: .sequentiallyConsistent) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent (a test runner, a job control shell) may have blocked SIGINT; the mask is inherited.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }

    /// Whether Ctrl-C came since the last call; clears the flag.
    public static func takeInterrupt() -> Bool {
        interruptFlag.exchange(false, ordering: .sequentiallyConsistent)
    }
}
