import ChorusTestSupport
import Foundation
import Synchronization
import Testing

@testable import ChorusEngine

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The URLSession path of ``HTTPTransport`` (the one `https` takes), sent here over plain `http` to a
/// loopback `StubHTTPServer`: an answer comes through whole, and an over-size one is refused while it
/// arrives, or from its head when its length says so.
@Suite struct HTTPTransportTests {
    static let cap = 1 << 20

    /// Body bytes URLSession handed over while the transfer ran.
    final class Intake: Sendable {
        private let count = Mutex(0)
        var total: Int { count.withLock { $0 } }

        func add(_ bytes: Int) {
            count.withLock { $0 += bytes }
        }
    }

    static func transport(_ intake: Intake) -> HTTPTransport {
        HTTPTransport(
            maxConnections: 2, maxResponseBytes: cap, plainHTTPOverSockets: false, tookIn: { intake.add($0) })
    }

    static func post(_ server: StubHTTPServer) -> URLRequest {
        var request = URLRequest(url: server.baseURL.appendingPathComponent("chat/completions"))
        request.httpMethod = "POST"
        request.httpBody = Data("{}".utf8)
        return request
    }

    @Test func anAnswerComesThroughWhole() async throws {
        let server = try StubHTTPServer(replies: [.init(status: 201, body: "hello", headers: ["X-Tag": "7"])])
        defer { server.stop() }
        let intake = Intake()
        let response = try await Self.transport(intake).send(Self.post(server), timeout: 30)
        #expect(response.status == 201)
        #expect(response.body == Array("hello".utf8))
        #expect(response.headers["x-tag"] == "7")
        #expect(intake.total == 5)
    }

    /// 64 MiB with no length against a 1 MiB cap, where the server sends a 64 KiB block only while less
    /// than 256 KiB it sent is unreported by the client's intake hook. URLSession reads ahead of its
    /// delegate without limit, so a server pacing itself by the clock (or loopback at full speed) can
    /// be read far past the cap before the delegate sees it, the more so on a loaded machine; pacing by
    /// the intake bounds it whatever the load. The transfer stops once the cap is passed: the chunk
    /// that passes it is at most what the server may send ahead plus a block, and the hook hears
    /// nothing after the stop (chunks URLSession still hands over are dropped), so the server sends
    /// at most one such margin more. Both counts stay within a few margins of the cap, far below the
    /// whole body.
    @Test func anOverSizeBodyWithoutALengthIsStoppedWhileItArrives() async throws {
        let ahead = 256 << 10
        let server = try StubHTTPServer(replies: [.init(action: .flood(count: 64 << 20, ahead: ahead))])
        defer { server.stop() }
        let intake = Intake()
        let transport = HTTPTransport(
            maxConnections: 2, maxResponseBytes: Self.cap, plainHTTPOverSockets: false,
            tookIn: {
                intake.add($0)
                server.clientTookIn(intake.total)
            })
        await #expect(throws: HTTPTransport.Failure.tooLarge("the body is larger than 1 MiB")) {
            try await transport.send(Self.post(server), timeout: 60)
        }
        let margin = ahead + 65_536
        #expect(intake.total > Self.cap)
        #expect(intake.total <= Self.cap + 2 * margin, "took in \(intake.total) bytes")
        #expect(server.floodedBytes <= Self.cap + 4 * margin, "the server sent \(server.floodedBytes) bytes")
    }

    /// The observer sees a successful body as it arrives, whole and in order, with the head's fields;
    /// an error's body it does not see.
    @Test func theObserverSeesASuccessfulBodyAsItArrives() async throws {
        let body = String(repeating: "0123456789", count: 40)
        let server = try StubHTTPServer(replies: [
            .init(body: body, headers: ["X-Tag": "7"], delay: 0.01, action: .slowBody), .status(500, body),
        ])
        defer { server.stop() }
        let seen = Mutex<(bytes: [UInt8], tags: Set<String>)>(([], []))
        let observer: HTTPTransport.BodyObserver = { headers, bytes in
            seen.withLock {
                $0.bytes += bytes
                $0.tags.insert(headers["x-tag"] ?? "none")
            }
        }
        let transport = Self.transport(Intake())
        let response = try await transport.send(Self.post(server), timeout: 30, observer: observer)
        #expect(response.body == Array(body.utf8))
        #expect(seen.withLock { $0.bytes } == Array(body.utf8))
        #expect(seen.withLock { $0.tags } == ["7"])
        let failed = try await transport.send(Self.post(server), timeout: 30, observer: observer)
        #expect(failed.status == 500)
        #expect(seen.withLock { $0.bytes.count } == body.utf8.count)
    }

    /// A `Content-Length` past the cap is refused from the head, whatever the body.
    @Test func aLengthPastTheCapIsRefusedFromTheHead() async throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Length: \(2 << 20)\r\nConnection: close\r\n\r\n"
        let server = try StubHTTPServer(replies: [.raw(head + String(repeating: " ", count: 1000))])
        defer { server.stop() }
        let intake = Intake()
        await #expect(throws: HTTPTransport.Failure.tooLarge("the body is larger than 1 MiB")) {
            try await Self.transport(intake).send(Self.post(server), timeout: 60)
        }
    }

    /// A server that never answers: the transfer ends at the timeout, and a cancelled task ends at once.
    @Test func aHangTimesOutAndACancelledTaskStops() async throws {
        let server = try StubHTTPServer(replies: [.held("{}")])
        defer { server.stop() }
        let transport = Self.transport(Intake())
        await #expect(throws: HTTPTransport.Failure.timedOut) {
            try await transport.send(Self.post(server), timeout: 0.2)
        }
        let request = Self.post(server)
        let task = Task { try await transport.send(request, timeout: 600) }
        await server.untilReceived(2)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
