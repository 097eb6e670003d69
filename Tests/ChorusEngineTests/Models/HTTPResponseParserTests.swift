import Testing

@testable import ChorusEngine

@Suite struct HTTPResponseParserTests {
    static let answer = Array("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\nx-a: 2\r\n\r\nhello".utf8)

    @Test func readsAFixedLengthAnswerAndKeepsTheConnection() throws {
        let parsed = try HTTPResponseParser.parse(Self.answer)
        #expect(parsed.status == 200 && parsed.body == Array("hello".utf8) && parsed.keepAlive)
        #expect(parsed.headers["x-a"] == "1, 2")
    }

    @Test func bytesOneAtATimeGiveTheSameAnswer() throws {
        var parser = HTTPResponseParser()
        var parsed: HTTPResponseParser.Parsed?
        for byte in Self.answer {
            #expect(parsed == nil, "complete before its last byte")
            parsed = try parser.feed([byte])
        }
        #expect(parsed == (try HTTPResponseParser.parse(Self.answer)))
    }

    @Test func chunkedWithExtensionsAndTrailersAndAnInterimAnswer() throws {
        let bytes = Array(
            ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                + "3;x=y\r\nhel\r\n2\r\nlo\r\n0\r\nX-Sum: 9\r\n\r\n").utf8)
        let parsed = try HTTPResponseParser.parse(bytes)
        #expect(parsed.status == 200 && parsed.body == Array("hello".utf8) && parsed.keepAlive)
        #expect(parsed.headers["x-sum"] == nil)
    }

    @Test func aBodyUntilCloseAndBareLineFeeds() throws {
        let parsed = try HTTPResponseParser.parse(Array("HTTP/1.0 200 OK\nServer: x\n\nall of it".utf8))
        #expect(parsed.body == Array("all of it".utf8) && !parsed.keepAlive)
    }

    @Test func bytesAfterTheAnswerOrConnectionCloseEndTheConnection() throws {
        #expect(!(try HTTPResponseParser.parse(Self.answer + Array("HTTP".utf8))).keepAlive)
        let closing = Array("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".utf8)
        #expect(!(try HTTPResponseParser.parse(closing)).keepAlive)
    }

    @Test(arguments: [
        ("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", "two different"),
        ("HTTP/1.1 200 OK\r\n folded: value\r\n\r\n", "name: value"),
        ("HTTP/1.1 200 OK\rX: 1\r\n\r\n", "bare CR"),
        ("HTTP/1.1 20x OK\r\n\r\n", "three digits"),
        ("HTTP/1.1 099 Low\r\n\r\n", "out of range"),
        ("HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\nhello", "not a number"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5 x\r\nhello\r\n0\r\n\r\n", "not hexadecimal"),
    ])
    func malformedAnswersAreRefused(_ text: String, _ reason: String) {
        #expect {
            _ = try HTTPResponseParser.parse(Array(text.utf8))
        } throws: { error in
            guard case .malformed(let message) = error as? HTTPResponseParser.Failure else { return false }
            return message.contains(reason)
        }
    }

    @Test func theBodyLimitFailsAsSoonAsItIsCrossed() throws {
        let limits = HTTPResponseParser.Limits(maxBodyBytes: 10)
        var parser = HTTPResponseParser(limits: limits)
        _ = try parser.feed(Array("HTTP/1.1 200 OK\r\n\r\n0123456789".utf8))
        #expect(throws: HTTPResponseParser.Failure.tooLarge("the body is larger than 10 bytes")) {
            _ = try parser.feed([48])
        }
        #expect(throws: HTTPResponseParser.Failure.tooLarge("the body is larger than 10 bytes")) {
            _ = try HTTPResponseParser.parse(
                Array("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n".utf8), limits: limits)
        }
        #expect(throws: HTTPResponseParser.Failure.tooLarge("the body is larger than 10 bytes")) {
            _ = try HTTPResponseParser.parse(
                Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n012345\r\n5\r\n".utf8), limits: limits)
        }
    }

    @Test func anUnfinishedAnswerIsTruncated() {
        #expect(throws: HTTPResponseParser.Failure.truncated) { _ = try HTTPResponseParser.parse([]) }
        #expect(throws: HTTPResponseParser.Failure.truncated) {
            _ = try HTTPResponseParser.parse(Array(Self.answer.dropLast()))
        }
    }

    @Test func sizesAreDescribedInTheirLargestWholeUnit() {
        #expect(HTTPResponseParser.describe(bytes: 64 << 20) == "64 MiB")
        #expect(HTTPResponseParser.describe(bytes: 3 << 10) == "3 KiB")
        #expect(HTTPResponseParser.describe(bytes: 1000) == "1000 bytes")
    }
}
