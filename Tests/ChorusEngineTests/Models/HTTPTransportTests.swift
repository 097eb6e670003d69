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

    /// Body bytes URLSession handed over.
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

    /// 64 MiB with no length against a 1 MiB cap, sent in 64 KiB blocks 5 ms apart as over a network
    /// (URLSession reads ahead of its delegate without limit, so on loopback at full speed the whole
    /// body would be read before the delegate sees the first megabyte): the transfer stops once the
    /// cap is passed, so neither what came in nor what the server could send comes near the whole
    /// body, which takes five seconds to send.
    @Test func anOverSizeBodyWithoutALengthIsStoppedWhileItArrives() async throws {
        let server = try StubHTTPServer(replies: [.init(delay: 0.005, action: .flood(count: 64 << 20))])
        defer { server.stop() }
        let intake = Intake()
        await #expect(throws: HTTPTransport.Failure.tooLarge("the body is larger than 1 MiB")) {
            try await Self.transport(intake).send(Self.post(server), timeout: 60)
        }
        #expect(intake.total > Self.cap)
        #expect(intake.total < 32 << 20, "took in \(intake.total) bytes")
        #expect(server.floodedBytes < 32 << 20, "the server sent \(server.floodedBytes) bytes")
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
