import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one HTTP request and waits for the whole answer, within a timeout and stopping at once when
/// its task is cancelled: plain `http` over ``SocketHTTPTransport``, anything else with URLSession.
///
/// The URLSession path is a delegate-driven data task rather than `data(for:)`, so that a timeout, a
/// task's cancellation and an answer passing the size cap each stop the transfer itself, on Linux as
/// on macOS: the body is taken in chunk by chunk and the task is cancelled as soon as it passes the
/// cap (or at once, when its `Content-Length` says it will), so an over-size answer never sits in
/// memory.
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

    private let session: URLSessionTransfers
    private let sockets: SocketHTTPTransport
    private let plainHTTPOverSockets: Bool

    /// Creates a transport allowing `maxConnections` connections per host, without caches or cookies,
    /// and refusing answers whose body passes `maxResponseBytes`.
    ///
    /// `plainHTTPOverSockets` false sends plain `http` through URLSession too (for tests of that
    /// path against a loopback server); `tookIn` hears the size of each body chunk URLSession hands
    /// over while the transfer runs, the one that passes the cap included.
    init(
        maxConnections: Int, maxResponseBytes: Int = HTTPResponseParser.Limits.defaultMaxBodyBytes,
        plainHTTPOverSockets: Bool = true, tookIn: (@Sendable (Int) -> Void)? = nil
    ) {
        session = URLSessionTransfers(
            maxConnections: maxConnections, maxBodyBytes: maxResponseBytes, tookIn: tookIn)
        sockets = SocketHTTPTransport(
            maxIdlePerEndpoint: maxConnections, limits: HTTPResponseParser.Limits(maxBodyBytes: maxResponseBytes))
        self.plainHTTPOverSockets = plainHTTPOverSockets
    }

    /// Sends `request` and returns the server's answer, whatever its status; `observer` sees a 2xx
    /// body as it arrives.
    func send(_ request: URLRequest, timeout: Double, observer: BodyObserver? = nil) async throws -> Response {
        if plainHTTPOverSockets, request.url?.scheme == "http" {
            return try await sockets.send(request, timeout: timeout, observer: observer)
        }
        return try await session.send(request, timeout: timeout, observer: observer)
    }

    /// The failure a person reads for a URLSession error.
    static func describe(_ error: any Error) -> String {
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
