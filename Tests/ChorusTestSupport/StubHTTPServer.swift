import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scripted HTTP/1.1 server on 127.0.0.1 for tests: it answers each request as its script says
/// and records what it got, on plain threads with blocking sockets (never the concurrency pool).
public final class StubHTTPServer: Sendable {
    /// One request as the server read it.
    public struct Request: Sendable {
        /// `GET`, `POST`, ….
        public var method: String
        /// The request target, such as `/v1/chat/completions`.
        public var path: String
        /// Header values by lower-cased name.
        public var headers: [String: String]
        /// The body as text.
        public var body: String
    }

    /// What to do with one request.
    public struct Reply: Sendable {
        /// How a reply is sent.
        public enum Action: Sendable {
            /// Answer with the status, headers and body.
            case respond
            /// Close the connection without answering.
            case reset
            /// Promise the whole body, send its first half, close.
            case truncate
            /// Send the head at once, then the body in four pieces, `delay` seconds apart.
            case slowBody
            /// Answer only once the test calls `release()` (or never, if it stops the server first).
            case hold
            /// Send `body` as it is, head and all (any bytes a faulty server might send), then close.
            case raw
            /// Send a 200 head without a length, then `count` spaces (as long as the client reads), then close;
            /// with `ahead`, a block goes only while fewer than `ahead` bytes sent are unreported by
            /// ``StubHTTPServer/clientTookIn(_:)``, so the pace follows the client, not the clock.
            case flood(count: Int, ahead: Int? = nil)
        }

        /// The HTTP status.
        public var status: Int
        /// The body, sent with a Content-Length.
        public var body: String
        /// Extra header fields.
        public var headers: [String: String]
        /// Seconds to wait before acting (between pieces for `slowBody`, between 64 KiB blocks for `flood`).
        public var delay: Double
        /// How the reply is sent.
        public var action: Action

        /// Creates a reply.
        public init(
            status: Int = 200, body: String = "{}", headers: [String: String] = [:], delay: Double = 0,
            action: Action = .respond
        ) {
            self.status = status
            self.body = body
            self.headers = headers
            self.delay = delay
            self.action = action
        }

        /// A JSON body with a status.
        public static func json(_ body: String, status: Int = 200, delay: Double = 0) -> Reply {
            Reply(status: status, body: body, delay: delay)
        }

        /// A status with a body and, for 429s, a `Retry-After`.
        public static func status(_ status: Int, _ body: String = "{}", retryAfter: String? = nil) -> Reply {
            Reply(status: status, body: body, headers: retryAfter.map { ["Retry-After": $0] } ?? [:])
        }

        /// Close the connection without answering.
        public static let reset = Reply(action: .reset)

        /// A JSON body sent only once the test calls `release()`.
        public static func held(_ body: String) -> Reply {
            Reply(body: body, action: .hold)
        }

        /// `bytes` sent verbatim as the whole answer, then the connection closes.
        public static func raw(_ bytes: String) -> Reply {
            Reply(body: bytes, action: .raw)
        }
    }

    /// The port the server listens on.
    public let port: Int
    private let core: Core

    /// Starts a server that answers request number i (0-based) with `script(i, request)`.
    public init(script: @escaping @Sendable (Int, Request) -> Reply) throws {
        core = try Core(script: script)
        port = core.port
        core.startAccepting()
    }

    /// Starts a server answering the replies in order, repeating the last one.
    public convenience init(replies: [Reply]) throws {
        try self.init { number, _ in replies[min(number, replies.count - 1)] }
    }

    /// The server's threads hold only its core, so releasing the server stops them.
    deinit { core.stop() }

    /// `http://127.0.0.1:PORT/v1`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }

    /// The requests received so far, in the order they were read.
    public var requests: [Request] { core.state.withLock { $0.requests } }

    /// The most requests that were being answered at once.
    public var maxInFlight: Int { core.state.withLock { $0.maxInFlight } }

    /// Bytes of body sent by `flood` replies so far.
    public var floodedBytes: Int { core.state.withLock { $0.floodedBytes } }

    /// Returns once the server has read at least `count` requests: how a test knows a request arrived
    /// without guessing how long that takes.
    public func untilReceived(_ count: Int) async {
        await core.untilReceived(count)
    }

    /// Reports that the client has taken in `total` body bytes so far, letting a `flood` with `ahead`
    /// send on.
    public func clientTookIn(_ total: Int) {
        core.state.withLock { $0.clientTook = max($0.clientTook, total) }
    }

    /// Lets every held reply, and any later one, be sent.
    public func release() {
        core.state.withLock { $0.released = true }
    }

    /// Stops listening, closes every connection, and returns once every thread of the server has ended.
    public func stop() {
        core.stop()
    }

    /// The sockets and threads of a server; the public face owns it, so releasing that stops it.
    private final class Core: Sendable {
        struct State {
            var requests: [Request] = []
            var inFlight = 0
            var maxInFlight = 0
            var connections: Set<Int32> = []
            var stopped = false
            var released = false
            var floodedBytes = 0
            var clientTook = 0
            var watchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        }

        /// The port the server listens on.
        let port: Int
        private let listener: Int32
        private let script: @Sendable (Int, Request) -> Reply
        let state = Mutex(State())
        /// Every thread of the server: the accepting one and one per connection.
        private let threads = DispatchGroup()

        init(script: @escaping @Sendable (Int, Request) -> Reply) throws {
            self.script = script
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw StubError.socket("socket") }
            var yes: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0, listen(fd, 64) == 0 else {
                close(fd)
                throw StubError.socket("bind/listen")
            }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            port = Int(UInt16(bigEndian: address.sin_port))
            listener = fd
        }

        func startAccepting() {
            threads.enter()
            let thread = Thread { [self] in
                acceptLoop()
                threads.leave()
            }
            thread.start()
        }

        func untilReceived(_ count: Int) async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let arrived = state.withLock { state -> Bool in
                    guard state.requests.count < count else { return true }
                    state.watchers.append((count, continuation))
                    return false
                }
                if arrived { continuation.resume() }
            }
        }

        /// Shuts every socket down (each thread closes its own, so no number is closed twice or reused
        /// under a thread) and waits for the threads to end; sleeps and held replies see `stopped`.
        func stop() {
            state.withLock { state in
                guard !state.stopped else { return }
                state.stopped = true
                shutdown(listener, Int32(SHUT_RDWR))
                for fd in state.connections { shutdown(fd, Int32(SHUT_RDWR)) }
            }
            // A script that blocks could keep a thread; the wait is bounded so a test never hangs here.
            _ = threads.wait(timeout: .now() + 10)
        }

        private var isStopped: Bool { state.withLock { $0.stopped } }

        /// Sleeps `seconds` in short slices, returning early (false) once the server stops.
        private func pause(_ seconds: Double) -> Bool {
            var left = seconds
            while left > 0 {
                if isStopped { return false }
                Thread.sleep(forTimeInterval: min(left, 0.01))
                left -= 0.01
            }
            return !isStopped
        }

        /// Waits until fewer than `ahead` flooded bytes are unreported by the client, returning early
        /// (false) once the server stops.
        private func untilClientCatchesUp(_ ahead: Int) -> Bool {
            while state.withLock({ $0.floodedBytes - $0.clientTook >= ahead }) {
                guard pause(0.001) else { return false }
            }
            return true
        }

        private func acceptLoop() {
            defer { close(listener) }
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    return
                }
                let accepted = state.withLock { state -> Bool in
                    guard !state.stopped else { return false }
                    state.connections.insert(client)
                    return true
                }
                guard accepted else {
                    close(client)
                    return
                }
                threads.enter()
                let thread = Thread { [self] in
                    serve(client)
                    threads.leave()
                }
                thread.start()
            }
        }

        private func serve(_ fd: Int32) {
            var buffer: [UInt8] = []
            defer {
                state.withLock {
                    _ = $0.connections.remove(fd)
                    close(fd)
                }
            }
            while let request = readRequest(fd, buffer: &buffer) {
                let (number, woken) = state.withLock { state -> (Int, [CheckedContinuation<Void, Never>]) in
                    state.requests.append(request)
                    state.inFlight += 1
                    state.maxInFlight = max(state.maxInFlight, state.inFlight)
                    let count = state.requests.count
                    let woken = state.watchers.filter { $0.count <= count }.map(\.continuation)
                    state.watchers.removeAll { $0.count <= count }
                    return (count - 1, woken)
                }
                for watcher in woken { watcher.resume() }
                let reply = script(number, request)
                switch reply.action {
                case .slowBody, .flood: break  // their delay goes between pieces
                default: if reply.delay > 0, !pause(reply.delay) { return }
                }
                if case .hold = reply.action {
                    // A plain thread of the server's own, polling: the test decides when the reply goes.
                    while !state.withLock({ $0.released || $0.stopped }) { usleep(2_000) }
                }
                state.withLock { $0.inFlight -= 1 }
                switch reply.action {
                case .reset:
                    return
                case .truncate:
                    let body = Array(reply.body.utf8)
                    send(fd, head(reply, contentLength: body.count) + Array(body.prefix(body.count / 2)))
                    return
                case .slowBody:
                    let body = Array(reply.body.utf8)
                    guard send(fd, head(reply, contentLength: body.count)) else { return }
                    let piece = max(1, (body.count + 3) / 4)
                    for start in stride(from: 0, to: body.count, by: piece) {
                        guard pause(reply.delay), send(fd, Array(body[start..<min(body.count, start + piece)])) else {
                            return
                        }
                    }
                    if request.headers["connection"]?.lowercased() == "close" { return }
                case .raw:
                    send(fd, Array(reply.body.utf8))
                    return
                case .flood(let count, let ahead):
                    guard send(fd, Array("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n".utf8)) else {
                        return
                    }
                    let block = [UInt8](repeating: 32, count: 65_536)
                    var left = count
                    while left > 0, !isStopped, reply.delay == 0 || pause(reply.delay),
                        ahead.map(untilClientCatchesUp) ?? true, send(fd, Array(block.prefix(left)))
                    {
                        state.withLock { $0.floodedBytes += min(left, block.count) }
                        left -= block.count
                    }
                    return
                case .respond, .hold:
                    let body = Array(reply.body.utf8)
                    guard send(fd, head(reply, contentLength: body.count) + body) else { return }
                    if request.headers["connection"]?.lowercased() == "close" { return }
                }
            }
        }

        private func head(_ reply: Reply, contentLength: Int) -> [UInt8] {
            var lines = ["HTTP/1.1 \(reply.status) \(reply.status == 200 ? "OK" : "Status")"]
            lines.append("Content-Type: application/json")
            lines.append("Content-Length: \(contentLength)")
            for (name, value) in reply.headers.sorted(by: { $0.key < $1.key }) { lines.append("\(name): \(value)") }
            return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        }

        @discardableResult
        private func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes {
                    Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                if count <= 0 { return false }
                sent += count
            }
            return true
        }

        /// Reads one request from the connection; nil when it closes.
        private func readRequest(_ fd: Int32, buffer: inout [UInt8]) -> Request? {
            let separator: [UInt8] = [13, 10, 13, 10]
            var headEnd: Int?
            while true {
                if buffer.count >= 4 {
                    headEnd = (0...(buffer.count - 4)).first { Array(buffer[$0..<($0 + 4)]) == separator }
                }
                if headEnd != nil { break }
                guard readMore(fd, into: &buffer) else { return nil }
            }
            let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
            var lines = head.components(separatedBy: "\r\n")
            let requestLine = lines.removeFirst().split(separator: " ")
            var headers: [String: String] = [:]
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                    in: .whitespaces)
            }
            let length = Int(headers["content-length"] ?? "0") ?? 0
            let bodyStart = headEnd! + 4
            while buffer.count < bodyStart + length {
                guard readMore(fd, into: &buffer) else { return nil }
            }
            let body = String(decoding: buffer[bodyStart..<(bodyStart + length)], as: UTF8.self)
            buffer.removeFirst(bodyStart + length)
            return Request(
                method: requestLine.first.map(String.init) ?? "",
                path: requestLine.dropFirst().first.map(String.init) ?? "",
                headers: headers, body: body)
        }

        private func readMore(_ fd: Int32, into buffer: inout [UInt8]) -> Bool {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
    }

    /// The listening socket could not be set up.
    public enum StubError: Error { case socket(String) }
}
