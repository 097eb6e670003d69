import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The URLSession half of ``HTTPTransport``: one session whose delegate takes each answer's body in
/// chunk by chunk, so that a timeout, a cancelled task or a body past the size cap stops the transfer
/// as soon as it happens, and an over-size body never sits in memory.
final class URLSessionTransfers: Sendable {
    /// The `send` waiting for a transfer's answer.
    private typealias Waiting = CheckedContinuation<HTTPTransport.Response, any Error>

    private let session: URLSession
    private let delegate: Delegate
    private let maxBodyBytes: Int
    private let tookIn: (@Sendable (Int) -> Void)?

    /// A session allowing `maxConnections` connections per host, without caches or cookies, refusing
    /// bodies past `maxBodyBytes`; `tookIn` hears the size of every body chunk URLSession hands over
    /// while the transfer runs (the one that passes the cap too).
    init(maxConnections: Int, maxBodyBytes: Int, tookIn: (@Sendable (Int) -> Void)?) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = max(1, maxConnections)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        delegate = Delegate()
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        self.maxBodyBytes = maxBodyBytes
        self.tookIn = tookIn
    }

    /// A session holds its delegate until it is invalidated; transfers still running finish first.
    deinit { session.finishTasksAndInvalidate() }

    /// Sends `request` and returns the server's answer, whatever its status; `observer` sees a 2xx
    /// body chunk by chunk as URLSession hands it over.
    func send(
        _ request: URLRequest, timeout: Double, observer: HTTPTransport.BodyObserver? = nil
    ) async throws -> HTTPTransport.Response {
        var request = request
        // URLSession's own timer backs up ours; ours is exact and reports a timeout as one.
        request.timeoutInterval = timeout + 1
        let transfer = Transfer(maxBodyBytes: maxBodyBytes, tookIn: tookIn, observer: observer)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = session.dataTask(with: request)
                delegate.register(transfer, for: task)
                if !transfer.start(task, answering: continuation, timeout: timeout) {
                    delegate.forget(task)
                    continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            transfer.stop(.cancelled)
        }
    }

    /// Hands each task's events to its transfer.
    private final class Delegate: NSObject, URLSessionDataDelegate, Sendable {
        private let transfers = Mutex<[Int: Transfer]>([:])

        func register(_ transfer: Transfer, for task: URLSessionTask) {
            transfers.withLock { $0[task.taskIdentifier] = transfer }
        }

        @discardableResult
        func forget(_ task: URLSessionTask) -> Transfer? {
            transfers.withLock { $0.removeValue(forKey: task.taskIdentifier) }
        }

        private func transfer(of task: URLSessionTask) -> Transfer? {
            transfers.withLock { $0[task.taskIdentifier] }
        }

        func urlSession(
            _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
            completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
        ) {
            let keepGoing = transfer(of: dataTask)?.accept(response) ?? false
            completionHandler(keepGoing ? .allow : .cancel)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            transfer(of: dataTask)?.take(data)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            forget(task)?.finish(error: error)
        }
    }

    /// One in-flight transfer: its answer so far, and the continuation waiting for it, resumed exactly
    /// once — by the end of the transfer, or at once when it is stopped.
    private final class Transfer: Sendable {
        enum Stop { case cancelled, timedOut, tooLarge }

        private struct State {
            var task: URLSessionDataTask?
            var continuation: Waiting?
            var stopped = false
            var response: HTTPURLResponse?
            /// The response's header fields, names in lower case.
            var headers: [String: String] = [:]
            var body: [UInt8] = []
        }

        private let state = Mutex(State())
        private let maxBodyBytes: Int
        private let tookIn: (@Sendable (Int) -> Void)?
        private let observer: HTTPTransport.BodyObserver?

        init(maxBodyBytes: Int, tookIn: (@Sendable (Int) -> Void)?, observer: HTTPTransport.BodyObserver?) {
            self.maxBodyBytes = maxBodyBytes
            self.tookIn = tookIn
            self.observer = observer
        }

        /// Starts `task` and its timer; false (the task never started) when stopped already.
        func start(
            _ task: URLSessionDataTask, answering continuation: Waiting, timeout: Double
        ) -> Bool {
            let stoppedAlready = state.withLock { state -> Bool in
                guard !state.stopped else { return true }
                state.task = task
                state.continuation = continuation
                return false
            }
            if stoppedAlready { return false }
            task.resume()
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [self] in stop(.timedOut) }
            return true
        }

        /// Ends the transfer with `reason`, unless it is over or was stopped already.
        func stop(_ reason: Stop) {
            let (task, continuation) = state.withLock { state in
                guard !state.stopped else { return (URLSessionDataTask?.none, Waiting?.none) }
                state.stopped = true
                state.body = []
                defer { state.continuation = nil }
                return (state.task, state.continuation)
            }
            task?.cancel()
            switch reason {
            case .cancelled: continuation?.resume(throwing: CancellationError())
            case .timedOut: continuation?.resume(throwing: HTTPTransport.Failure.timedOut)
            case .tooLarge:
                continuation?.resume(
                    throwing: HTTPTransport.Failure.tooLarge(
                        "the body is larger than \(HTTPResponseParser.describe(bytes: maxBodyBytes))"))
            }
        }

        /// Whether to go on reading after the head: not when its `Content-Length` passes the cap.
        func accept(_ response: URLResponse) -> Bool {
            if response.expectedContentLength > Int64(maxBodyBytes) {
                stop(.tooLarge)
                return false
            }
            let response = response as? HTTPURLResponse
            var headers: [String: String] = [:]
            for (name, value) in response?.allHeaderFields ?? [:] {
                if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
            }
            return state.withLock { state in
                state.response = response
                state.headers = headers
                return !state.stopped
            }
        }

        /// Keeps a chunk of the body, or stops the transfer when it would pass the cap; the observer
        /// sees a kept chunk of a 2xx answer.
        func take(_ data: Data) {
            let (running, overSize, observed) = state.withLock { state -> (Bool, Bool, [String: String]?) in
                guard !state.stopped else { return (false, false, nil) }
                guard state.body.count + data.count <= maxBodyBytes else { return (true, true, nil) }
                state.body.append(contentsOf: data)
                let successful = state.response.map { (200..<300).contains($0.statusCode) } ?? false
                return (true, false, successful ? state.headers : nil)
            }
            // Before the stop answers `send`; chunks URLSession still hands over after it are dropped
            // unheard, since they are no longer the transfer's.
            if running { tookIn?(data.count) }
            if overSize { stop(.tooLarge) }
            // Outside the lock: the observer decodes what it is given. URLSession calls the delegate
            // of one task in order, so chunks are seen in order.
            if let observer, let observed { observer(observed, ArraySlice(data)) }
        }

        /// Answers the waiting `send` with how the transfer ended.
        func finish(error: (any Error)?) {
            let (continuation, response, headers, body) = state.withLock { state in
                defer {
                    state.stopped = true
                    state.continuation = nil
                    state.body = []
                }
                return (state.continuation, state.response, state.headers, state.body)
            }
            guard let continuation else { return }
            if let error {
                if let urlError = error as? URLError, urlError.code == .timedOut {
                    continuation.resume(throwing: HTTPTransport.Failure.timedOut)
                } else {
                    continuation.resume(throwing: HTTPTransport.Failure.connection(HTTPTransport.describe(error)))
                }
                return
            }
            guard let response else {
                continuation.resume(throwing: HTTPTransport.Failure.connection("the answer is not HTTP"))
                return
            }
            continuation.resume(
                returning: HTTPTransport.Response(status: response.statusCode, headers: headers, body: body))
        }
    }
}
