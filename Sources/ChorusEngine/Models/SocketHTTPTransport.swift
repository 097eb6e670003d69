import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Plain-HTTP/1.1 requests over POSIX sockets, with keep-alive, a deadline, and prompt cancellation.
///
/// URLSession on Linux keeps a core busy (epoll and eventfd in a loop) for as
/// long as it waits for an answer (measured: 6 s of waiting cost 6 s of CPU),
/// which halves a 2-core machine's inference speed while a local server
/// generates. So `http://` endpoints (the local engine, vLLM or SGLang on a
/// cluster) go through this transport, where each request blocks one thread
/// in `poll` and costs no CPU while it waits; `https://` still goes through
/// URLSession.
final class SocketHTTPTransport: Sendable {
    private struct Endpoint: Hashable {
        let host: String
        let port: Int
    }

    private let idle = Mutex<[Endpoint: [Int32]]>([:])
    private let maxIdlePerEndpoint: Int
    private let limits: HTTPResponseParser.Limits

    /// Creates a transport keeping up to `maxIdlePerEndpoint` idle connections per host and port and
    /// refusing answers over `limits`.
    init(maxIdlePerEndpoint: Int, limits: HTTPResponseParser.Limits = HTTPResponseParser.Limits()) {
        self.maxIdlePerEndpoint = max(1, maxIdlePerEndpoint)
        self.limits = limits
    }

    deinit {
        for sockets in idle.withLock({ $0.values }) {
            for socket in sockets { close(socket) }
        }
    }

    /// Sends `request` (an `http://` URL) and returns the whole answer, or throws within `timeout`
    /// seconds; `observer` sees a 2xx body as it arrives.
    func send(
        _ request: URLRequest, timeout: Double, observer: HTTPTransport.BodyObserver? = nil
    ) async throws -> HTTPTransport.Response {
        let cancelled = CancelFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation {
                (continuation: CheckedContinuation<HTTPTransport.Response, any Error>) in
                let thread = Thread { [self] in
                    continuation.resume(
                        with: Result {
                            try perform(
                                request, deadline: Date().addingTimeInterval(timeout), cancelled: cancelled,
                                observer: observer)
                        })
                }
                thread.stackSize = 512 * 1024
                thread.start()
            }
        } onCancel: {
            cancelled.set()
        }
    }

    private func perform(
        _ request: URLRequest, deadline: Date, cancelled: CancelFlag, observer: HTTPTransport.BodyObserver?
    ) throws -> HTTPTransport.Response {
        guard let url = request.url, let host = url.host else {
            throw HTTPTransport.Failure.connection("no host in the URL")
        }
        let endpoint = Endpoint(host: host, port: url.port ?? 80)
        let message = Self.serialise(request, url: url, endpoint: endpoint)
        // A kept-alive connection may have been closed by the server: on a failure before any
        // byte of the answer, try once more on a fresh connection.
        var sentOnStale = false
        if let reused = takeIdle(endpoint) {
            var connection = Connection(
                socket: reused, deadline: deadline, cancelled: cancelled, limits: limits, observer: observer)
            do {
                let response = try connection.exchange(message)
                if response.keepAlive { putIdle(reused, endpoint) } else { close(reused) }
                return response.response
            } catch HTTPTransport.Failure.closedBeforeAnswer {
                close(reused)  // a stale kept-alive connection: go on with a fresh one
                sentOnStale = true
            } catch {
                close(reused)
                throw error
            }
        }
        let socket = try Self.connect(endpoint, deadline: deadline, cancelled: cancelled)
        var connection = Connection(
            socket: socket, deadline: deadline, cancelled: cancelled, limits: limits, observer: observer)
        do {
            let response = try connection.exchange(message)
            if response.keepAlive { putIdle(socket, endpoint) } else { close(socket) }
            var answer = response.response
            answer.requestsSent = sentOnStale ? 2 : 1
            return answer
        } catch HTTPTransport.Failure.closedBeforeAnswer {
            close(socket)
            throw HTTPTransport.Failure.connection("the server closed the connection without answering")
        } catch {
            close(socket)
            throw error
        }
    }

    private func takeIdle(_ endpoint: Endpoint) -> Int32? {
        idle.withLock { $0[endpoint]?.popLast() }
    }

    private func putIdle(_ socket: Int32, _ endpoint: Endpoint) {
        let kept = idle.withLock { pool -> Bool in
            guard pool[endpoint, default: []].count < maxIdlePerEndpoint else { return false }
            pool[endpoint, default: []].append(socket)
            return true
        }
        if !kept { close(socket) }
    }

    /// The request as bytes: request line, headers, body.
    private static func serialise(_ request: URLRequest, url: URL, endpoint: Endpoint) -> [UInt8] {
        var target = url.path.isEmpty ? "/" : url.path
        if let query = url.query { target += "?" + query }
        let body = request.httpBody ?? Data()
        var head = "\(request.httpMethod ?? "GET") \(target) HTTP/1.1\r\nHost: \(endpoint.host):\(endpoint.port)\r\n"
        for (name, value) in (request.allHTTPHeaderFields ?? [:]).sorted(by: { $0.key < $1.key })
        where !["host", "content-length", "connection"].contains(name.lowercased()) {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\nConnection: keep-alive\r\n\r\n"
        return Array(head.utf8) + Array(body)
    }

    /// A connected socket to the endpoint, or a connection failure.
    private static func connect(_ endpoint: Endpoint, deadline: Date, cancelled: CancelFlag) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(endpoint.host, String(endpoint.port), &hints, &results) == 0, let first = results else {
            throw HTTPTransport.Failure.connection("unknown host \(endpoint.host)")
        }
        defer { freeaddrinfo(results) }
        var lastError = "connection refused"
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let socket = Glibc.socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard socket >= 0 else { continue }
            var one: Int32 = 1
            setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            setsockopt(socket, SOL_SOCKET, SO_NOSIGPIPE_OR_ZERO, &one, socklen_t(MemoryLayout<Int32>.size))
            let flags = fcntl(socket, F_GETFL)
            _ = fcntl(socket, F_SETFL, flags | O_NONBLOCK)
            if Glibc.connect(socket, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 || errno == EINPROGRESS {
                var connection = Connection(
                    socket: socket, deadline: deadline, cancelled: cancelled, limits: HTTPResponseParser.Limits())
                do {
                    try connection.wait(for: Int16(POLLOUT))
                    var error: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length)
                    if error == 0 { return socket }
                    lastError = String(cString: strerror(error))
                } catch {
                    close(socket)
                    throw error
                }
            } else {
                lastError = String(cString: strerror(errno))
            }
            close(socket)
        }
        throw HTTPTransport.Failure.connection(lastError.lowercased())
    }
}

/// Set once when the waiting task is cancelled; the blocked thread looks at it between polls.
private final class CancelFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    func set() { flag.store(true, ordering: .relaxed) }
    var isSet: Bool { flag.load(ordering: .relaxed) }
}

/// Linux has no SO_NOSIGPIPE; writes use MSG_NOSIGNAL instead, so this option is a harmless no-op.
private let SO_NOSIGPIPE_OR_ZERO: Int32 = 0

/// One request and answer on a socket, within a deadline.
private struct Connection {
    let socket: Int32
    let deadline: Date
    let cancelled: CancelFlag
    let limits: HTTPResponseParser.Limits
    /// Sees a 2xx body as it arrives.
    let observer: HTTPTransport.BodyObserver?
    /// Body bytes `observer` has seen.
    private var observed = 0
    private var receiveBuffer = [UInt8](repeating: 0, count: 65_536)

    init(
        socket: Int32, deadline: Date, cancelled: CancelFlag, limits: HTTPResponseParser.Limits,
        observer: HTTPTransport.BodyObserver? = nil
    ) {
        self.socket = socket
        self.deadline = deadline
        self.cancelled = cancelled
        self.limits = limits
        self.observer = observer
    }

    /// Waits until the socket is ready for `events`, in slices so cancellation is seen within 100 ms.
    mutating func wait(for events: Int16) throws {
        while true {
            if cancelled.isSet { throw CancellationError() }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { throw HTTPTransport.Failure.timedOut }
            var descriptor = pollfd(fd: socket, events: events, revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(100, max(1, remaining * 1000))))
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw HTTPTransport.Failure.connection(String(cString: strerror(errno))) }
        }
    }

    /// Writes the request and reads the whole answer. A failure before any byte of the answer came
    /// is `closedBeforeAnswer`, which on a kept-alive connection means the server had closed it.
    mutating func exchange(_ message: [UInt8]) throws -> (response: HTTPTransport.Response, keepAlive: Bool) {
        var parser = HTTPResponseParser(limits: limits)
        do {
            var offset = 0
            while offset < message.count {
                try wait(for: Int16(POLLOUT))
                let written = message[offset...].withUnsafeBytes { bytes in
                    Glibc.send(socket, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
                }
                if written < 0 {
                    if errno == EAGAIN || errno == EINTR { continue }
                    throw HTTPTransport.Failure.connection(String(cString: strerror(errno)))
                }
                offset += written
            }
            while true {
                guard let received = try receive() else {
                    let parsed = try parser.finish()
                    observe(parsed.status, parsed.headers, parsed.body)
                    return (Self.response(parsed), false)
                }
                if let parsed = try parser.feed(received) {
                    observe(parsed.status, parsed.headers, parsed.body)
                    return (Self.response(parsed), parsed.keepAlive)
                }
                if observer != nil, parser.isReadingBody { observe(parser.status, parser.headers, parser.body) }
            }
        } catch let failure as HTTPResponseParser.Failure {
            switch failure {
            case .malformed(let reason): throw HTTPTransport.Failure.malformed(reason)
            case .tooLarge(let reason): throw HTTPTransport.Failure.tooLarge(reason)
            case .truncated:
                throw parser.receivedAny
                    ? HTTPTransport.Failure.connection("the connection was closed before the answer was complete")
                    : HTTPTransport.Failure.closedBeforeAnswer
            }
        } catch let failure as HTTPTransport.Failure where failure != .timedOut && !parser.receivedAny {
            throw HTTPTransport.Failure.closedBeforeAnswer
        }
    }

    /// Passes the body bytes not seen yet to the observer, for a 2xx answer.
    private mutating func observe(_ status: Int, _ headers: [String: String], _ body: [UInt8]) {
        guard let observer, (200..<300).contains(status), body.count > observed else { return }
        observer(headers, body[observed...])
        observed = body.count
    }

    private static func response(_ parsed: HTTPResponseParser.Parsed) -> HTTPTransport.Response {
        HTTPTransport.Response(status: parsed.status, headers: parsed.headers, body: parsed.body)
    }

    /// The next bytes from the socket; nil at the end of the stream.
    private mutating func receive() throws -> ArraySlice<UInt8>? {
        while true {
            try wait(for: Int16(POLLIN))
            let count = receiveBuffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw HTTPTransport.Failure.connection(String(cString: strerror(errno)))
            }
            return count == 0 ? nil : receiveBuffer[..<count]
        }
    }
}
