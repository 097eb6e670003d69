import CChildSpawn
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A child process that cannot outlive this one, whatever ends it (`kill -9` included): the local
/// engine, which otherwise stays loaded and listening after a killed `chorus`.
///
/// On Linux the child asks the kernel, between fork and exec, for SIGKILL when its parent goes
/// (`PR_SET_PDEATHSIG`). The kernel ties that to the parent *thread* that forked, not the process,
/// and Swift's concurrency and Dispatch threads come and go; so every child is forked by one thread
/// of its own that never ends (`SpawnThread`), and only the process's end sends the signal. The
/// child leads a process group of its own, so a Ctrl-C at the terminal does not reach it and
/// `terminate()` reaches what it starts.
public final class TetheredProcess: Sendable {
    /// The child's process ID, also its process group's.
    public let processIdentifier: Int32
    private let exitStatus = Mutex<Int32?>(nil)

    private init(processIdentifier: Int32) {
        self.processIdentifier = processIdentifier
    }

    /// Starts `path` with `arguments` and `environment`, its standard output and error going to
    /// `output` (standard input is `/dev/null`), in `directory` when one is given.
    public static func start(
        _ path: String, _ arguments: [String], environment: [String: String], output: FileHandle,
        directory: String? = nil
    ) throws(ChildProcess.LaunchFailure) -> TetheredProcess {
        let input = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw ChildProcess.LaunchFailure(program: path, reason: "cannot open /dev/null") }
        defer { close(input) }
        let argv = [path] + arguments
        let envp = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let outputFD = output.fileDescriptor
        let pid = SpawnThread.shared.run {
            withCStrings(argv) { argvPointers in
                withCStrings(envp) { envpPointers in
                    withOptionalCString(directory) { directoryPointer in
                        chorus_spawn_tethered(
                            path, argvPointers, envpPointers, directoryPointer, input, outputFD, outputFD, SIGKILL)
                    }
                }
            }
        }
        guard pid > 0 else {
            throw ChildProcess.LaunchFailure(program: path, reason: String(cString: strerror(-pid)).lowercased())
        }
        return TetheredProcess(processIdentifier: pid)
    }

    /// Whether the child still runs; reaps it once it has ended.
    public var isRunning: Bool {
        exitStatus.withLock { status in
            guard status == nil else { return false }
            var raw: Int32 = 0
            let result = waitpid(processIdentifier, &raw, WNOHANG)
            if result == 0 { return true }
            // Ended, or reaped elsewhere (ECHILD): either way it runs no more.
            status = result == processIdentifier ? raw : -1
            return false
        }
    }

    /// Waits for the child to end and returns its exit status, 128 + the signal when a signal ended it.
    public func waitUntilExit() -> Int32 {
        if let status = exitStatus.withLock({ $0 }) { return Self.exitCode(status) }
        var raw: Int32 = 0
        var result: Int32
        repeat { result = waitpid(processIdentifier, &raw, 0) } while result < 0 && errno == EINTR
        let status = exitStatus.withLock { status in
            // Reaped here, or meanwhile by `isRunning` (then this wait failed and its status is kept).
            if result == processIdentifier {
                status = raw
            } else if status == nil {
                status = -1
            }
            return status ?? -1
        }
        return Self.exitCode(status)
    }

    /// A `waitpid` status as an exit code: the status a program exited with, or 128 + the signal.
    private static func exitCode(_ status: Int32) -> Int32 {
        guard status >= 0 else { return -1 }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Sends `signal` to the child's process group.
    public func signalGroup(_ signal: Int32) {
        guard isRunning else { return }
        kill(-processIdentifier, signal)
    }
}

/// Runs `body` with `strings` as a NULL-terminated array of C strings.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
}

/// Runs `body` with `string` as a C string, or with nil.
private func withOptionalCString<R>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let string else { return body(nil) }
    return string.withCString { body($0) }
}

/// The one thread that forks tethered children: it lives as long as the process, so a child's
/// parent-death signal comes only when the process ends.
private final class SpawnThread: Sendable {
    static let shared = SpawnThread()

    private final class Job: Sendable {
        let work: @Sendable () -> Int32
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Int32>(0)
        init(_ work: @escaping @Sendable () -> Int32) { self.work = work }
    }

    private let jobs = Mutex<[Job]>([])
    private let ready = DispatchSemaphore(value: 0)

    private init() {
        let thread = Thread { [self] in
            while true {
                ready.wait()
                guard let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
                let value = job.work()
                job.result.withLock { $0 = value }
                job.done.signal()
            }
        }
        thread.name = "chorus-spawn"
        thread.start()
    }

    /// Runs `work` on the spawn thread and waits for its result (a fork takes milliseconds).
    func run(_ work: @escaping @Sendable () -> Int32) -> Int32 {
        let job = Job(work)
        jobs.withLock { $0.append(job) }
        ready.signal()
        job.done.wait()
        return job.result.withLock { $0 }
    }
}
