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

    /// Creates a transport keeping up to `maxIdlePerEndpoint` idle connections per host and port.
    init(maxIdlePerEndpoint: Int) {
        self.maxIdlePerEndpoint = max(1, maxIdlePerEndpoint)
    }

    deinit {
        for sockets in idle.withLock({ $0.values }) {
            for socket in sockets { close(socket) }
        }
    }

    /// Sends `request` (an `http://` URL) and returns the whole answer, or throws within `timeout` seconds.
    func send(_ request: URLRequest, timeout: Double) async throws -> HTTPTransport.Response {
        let cancelled = CancelFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation {
                (continuation: CheckedContinuation<HTTPTransport.Response, any Error>) in
                let thread = Thread { [self] in
                    continuation.resume(
                        with: Result {
                            try perform(request, deadline: Date().addingTimeInterval(timeout), cancelled: cancelled)
                        })
                }
                thread.stackSize = 512 * 1024
                thread.start()
            }
        } onCancel: {
            cancelled.set()
        }
    }

    private func perform(_ request: URLRequest, deadline: Date, cancelled: CancelFlag) throws -> HTTPTransport.Response
    {
        guard let url = request.url, let host = url.host else {
            throw HTTPTransport.Failure.connection("no host in the URL")
        }
        let endpoint = Endpoint(host: host, port: url.port ?? 80)
        let message = Self.serialise(request, url: url, endpoint: endpoint)
        // A kept-alive connection may have been closed by the server: on a failure before any
        // byte of the answer, try once more on a fresh connection.
        var sentOnStale = false
        if let reused = takeIdle(endpoint) {
            var connection = Connection(socket: reused, deadline: deadline, cancelled: cancelled)
            do {
                let response = try connection.exchange(message)
                if response.keepAlive { putIdle(reused, endpoint) } else { close(reused) }
                return response.response
            } catch let failure where failure is CancellationError || (failure as? HTTPTransport.Failure) == .timedOut {
                close(reused)
                throw failure
            } catch {
                close(reused)  // a stale kept-alive connection: go on with a fresh one
                sentOnStale = true
            }
        }
        let socket = try Self.connect(endpoint, deadline: deadline, cancelled: cancelled)
        var connection = Connection(socket: socket, deadline: deadline, cancelled: cancelled)
        do {
            let response = try connection.exchange(message)
            if response.keepAlive { putIdle(socket, endpoint) } else { close(socket) }
            var answer = response.response
            answer.requestsSent = sentOnStale ? 2 : 1
            return answer
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
                var connection = Connection(socket: socket, deadline: deadline, cancelled: cancelled)
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
    private var buffer: [UInt8] = []

    init(socket: Int32, deadline: Date, cancelled: CancelFlag) {
        self.socket = socket
        self.deadline = deadline
        self.cancelled = cancelled
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

    /// Writes the request and reads the whole answer.
    mutating func exchange(_ message: [UInt8]) throws -> (response: HTTPTransport.Response, keepAlive: Bool) {
        var offset = 0
        while offset < message.count {
            try wait(for: Int16(POLLOUT))
            let written = message.withUnsafeBytes { bytes in
                Glibc.send(socket, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw HTTPTransport.Failure.connection(String(cString: strerror(errno)))
            }
            offset += written
        }
        let headEnd = try readUntilHeadEnd()
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusLine = lines.isEmpty ? "" : lines.removeFirst()
        let statusParts = statusLine.split(separator: " ")
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw HTTPTransport.Failure.connection("the answer is not HTTP")
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let body: [UInt8]
        var keepAlive = statusParts[0] == "HTTP/1.1" && headers["connection"]?.lowercased() != "close"
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try readChunked()
        } else if let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 {
            try readAtLeast(length)
            body = Array(buffer.prefix(length))
            buffer.removeFirst(length)
        } else {
            body = try readToEnd()
            keepAlive = false
        }
        if !buffer.isEmpty { keepAlive = false }
        return (HTTPTransport.Response(status: status, headers: headers, body: body), keepAlive)
    }

    /// Reads more bytes into the buffer; false at the end of the stream.
    private mutating func fill() throws -> Bool {
        try wait(for: Int16(POLLIN))
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == EAGAIN || errno == EINTR { return true }
            throw HTTPTransport.Failure.connection(String(cString: strerror(errno)))
        }
        if count == 0 { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    private mutating func readUntilHeadEnd() throws -> Int {
        var searchFrom = 0
        while true {
            if buffer.count >= 4 {
                for index in searchFrom...(buffer.count - 4)
                where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13
                    && buffer[index + 3] == 10
                {
                    return index
                }
                searchFrom = buffer.count - 3
            }
            guard try fill() else {
                throw HTTPTransport.Failure.connection("the connection was closed before the answer was complete")
            }
        }
    }

    private mutating func readAtLeast(_ count: Int) throws {
        while buffer.count < count {
            guard try fill() else {
                throw HTTPTransport.Failure.connection("the connection was closed before the answer was complete")
            }
        }
    }

    private mutating func readToEnd() throws -> [UInt8] {
        while try fill() {}
        defer { buffer.removeAll() }
        return buffer
    }

    private mutating func readLine() throws -> String {
        while true {
            if let end = buffer.indices.dropLast().first(where: { buffer[$0] == 13 && buffer[$0 + 1] == 10 }) {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 2)
                return line
            }
            guard try fill() else {
                throw HTTPTransport.Failure.connection("the connection was closed before the answer was complete")
            }
        }
    }

    private mutating func readChunked() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeText = try readLine().split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw HTTPTransport.Failure.connection("a malformed chunked answer")
            }
            if size == 0 {
                while try !readLine().isEmpty {}  // trailers, then the blank line
                return body
            }
            try readAtLeast(size + 2)
            body.append(contentsOf: buffer[..<size])
            buffer.removeFirst(size + 2)
        }
    }
}
