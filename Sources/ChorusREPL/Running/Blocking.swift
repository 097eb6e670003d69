import Dispatch
import Synchronization

/// Runs async work from the REPL's synchronous loop and waits for it.
///
/// The loop stays on its own thread (so Ctrl-C at the prompt reaches
/// line editing, not a parked thread); the work runs as a detached task.
/// While waiting, a Ctrl-C cancels the task; the task decides what to keep.
public enum Blocking {
    /// Runs `work` and returns its result; cancels it when `isInterrupted` (polled while waiting) says so.
    public static func run<T: Sendable>(
        isInterrupted: (() -> Bool)? = InterruptMonitor.takeInterrupt, _ work: @escaping @Sendable () async -> T
    ) -> T {
        let result = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        let task = Task.detached {
            let value = await work()
            result.withLock { $0 = value }
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(25)) == .timedOut {
            if let isInterrupted, isInterrupted() { task.cancel() }
        }
        return result.withLock { $0! }
    }
}
