import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one HTTP request with URLSession and waits for the whole answer, within a timeout and
/// stopping at once when its task is cancelled.
///
/// Built on `dataTask(with:completionHandler:)` rather than `data(for:)` so that both a timeout and
/// a task's cancellation cancel the transfer itself, on Linux as on macOS.
struct HTTPTransport: Sendable {
    /// A complete HTTP answer.
    struct Response: Sendable {
        var status: Int
        /// Header values by lower-cased name.
        var headers: [String: String]
        var body: [UInt8]
        /// HTTP requests sent to get this answer: 2 when a kept-alive connection turned out to be
        /// closed and the request went again on a fresh one.
        var requestsSent = 1
    }

    /// Why no answer came.
    enum Failure: Error, Equatable {
        case timedOut
        /// Refused, reset, or closed before the answer was complete: worth another try.
        case connection(String)
        /// The bytes are not a valid HTTP answer (status line, header, length, chunk framing).
        case malformed(String)
        /// The answer passed a size limit: the same request would only get it again.
        case tooLarge(String)
        /// Nothing came back at all: on a kept-alive connection, the server had closed it (internal
        /// to the socket transport, which resends or reports a connection failure).
        case closedBeforeAnswer
    }

    /// Sees a successful (2xx) answer's body as it arrives, piece by piece, with the answer's header
    /// fields; called on the transport's thread, so it must be quick.
    typealias BodyObserver = @Sendable (_ headers: [String: String], _ bytes: ArraySlice<UInt8>) -> Void

    private let session: URLSession
    private let sockets: SocketHTTPTransport

    private let maxResponseBytes: Int

    /// Creates a transport allowing `maxConnections` connections per host, without caches or cookies,
    /// and refusing answers whose body passes `maxResponseBytes`.
    init(maxConnections: Int, maxResponseBytes: Int = HTTPResponseParser.Limits.defaultMaxBodyBytes) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = max(1, maxConnections)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
        sockets = SocketHTTPTransport(
            maxIdlePerEndpoint: maxConnections, limits: HTTPResponseParser.Limits(maxBodyBytes: maxResponseBytes))
        self.maxResponseBytes = maxResponseBytes
    }

    /// Sends `request` and returns the server's answer, whatever its status; `observer` sees the
    /// body as it arrives over `http://` (URLSession delivers it whole, so it is not called there).
    func send(_ request: URLRequest, timeout: Double, observer: BodyObserver? = nil) async throws -> Response {
        if request.url?.scheme == "http" {
            return try await sockets.send(request, timeout: timeout, observer: observer)
        }
        var request = request
        // URLSession's own timer backs up ours; ours is exact and reports a timeout as one.
        request.timeoutInterval = timeout + 1
        let handle = TransferHandle()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Response, any Error>) in
                let task = session.dataTask(with: request) { data, response, error in
                    let reason = handle.finish()
                    continuation.resume(
                        with: Self.outcome(
                            data: data, response: response, error: error, reason: reason, limit: maxResponseBytes))
                }
                if !handle.start(task, timeout: timeout) { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            handle.cancel(.cancelled)
        }
    }

    private static func outcome(
        data: Data?, response: URLResponse?, error: (any Error)?, reason: TransferHandle.Reason?, limit: Int
    )
        -> Result<Response, any Error>
    {
        switch reason {
        case .cancelled: return .failure(CancellationError())
        case .timedOut: return .failure(Failure.timedOut)
        case nil: break
        }
        if let error {
            if let urlError = error as? URLError, urlError.code == .timedOut { return .failure(Failure.timedOut) }
            return .failure(Failure.connection(Self.describe(error)))
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(Failure.connection("the answer is not HTTP"))
        }
        // URLSession has the whole body by now; the limit still makes an over-size answer an error.
        if let data, data.count > limit {
            return .failure(Failure.tooLarge("the body is larger than \(HTTPResponseParser.describe(bytes: limit))"))
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return .success(Response(status: http.statusCode, headers: headers, body: Array(data ?? Data())))
    }

    private static func describe(_ error: any Error) -> String {
        if let urlError = error as? URLError {
            switch urlError.code {
            case .cannotConnectToHost: return "connection refused"
            case .networkConnectionLost: return "the connection was closed before the answer was complete"
            case .cannotFindHost: return "unknown host"
            case .notConnectedToInternet: return "no network"
            default: return "network error \(urlError.code.rawValue)"
            }
        }
        return String(describing: error)
    }
}

/// The one in-flight transfer of a `send`: started, cancelled or timed out exactly once.
private final class TransferHandle: Sendable {
    enum Reason { case cancelled, timedOut }

    private struct State {
        var task: URLSessionDataTask?
        var reason: Reason?
        var finished = false
    }

    private let state = Mutex(State())

    /// Starts `task` and its timer; false (the task never started) when cancelled already.
    func start(_ task: URLSessionDataTask, timeout: Double) -> Bool {
        let cancelledAlready = state.withLock { state -> Bool in
            state.task = task
            return state.reason != nil
        }
        if cancelledAlready { return false }
        task.resume()
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [self] in cancel(.timedOut) }
        return true
    }

    /// Stops the transfer, unless it is over or was stopped already.
    func cancel(_ reason: Reason) {
        let task = state.withLock { state -> URLSessionDataTask? in
            guard state.reason == nil, !state.finished else { return nil }
            state.reason = reason
            return state.task
        }
        task?.cancel()
    }

    /// Marks the transfer over and says whether it was stopped, and why.
    func finish() -> Reason? {
        state.withLock { state in
            state.finished = true
            return state.reason
        }
    }
}
