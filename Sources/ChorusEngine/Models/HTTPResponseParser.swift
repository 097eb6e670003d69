/// Reads one HTTP/1.x response from the bytes a server sends, checking everything it reads.
///
/// A server is trusted for nothing: the status line, every header line, `Content-Length`, each chunk
/// size, chunk's end and trailer is validated, every count is checked for overflow, and the head and
/// the body have size limits that fail as soon as they are crossed, so a hostile or broken server
/// can make a request fail but never trap the process or fill its memory.
///
/// It is a pure function of the bytes (no I/O): `SocketHTTPTransport` feeds what it receives, and
/// `parse(_:limits:)` reads a whole recorded stream (the fuzzers' entry point). The body moves out
/// of the read buffer as it comes, so the work is linear in the bytes received.
struct HTTPResponseParser: Sendable {
    /// How large a response may be.
    struct Limits: Sendable, Equatable {
        /// The default body limit: 64 MiB, over 100 times the largest completion seen (n = 64 choices of
        /// 8,192 tokens with log-probabilities is about 20 MiB of JSON).
        static let defaultMaxBodyBytes = 64 << 20

        /// The most bytes in the body, after any chunked framing is removed.
        var maxBodyBytes: Int
        /// The most bytes in the status line and header fields together (and again in the trailers).
        var maxHeadBytes: Int
        /// The most header fields (and again trailer fields).
        var maxHeaderFields: Int

        /// Creates limits; the head limits default to what real servers never come near.
        init(maxBodyBytes: Int = defaultMaxBodyBytes, maxHeadBytes: Int = 64 * 1024, maxHeaderFields: Int = 100) {
            self.maxBodyBytes = max(0, maxBodyBytes)
            self.maxHeadBytes = max(64, maxHeadBytes)
            self.maxHeaderFields = max(1, maxHeaderFields)
        }
    }

    /// Why the bytes are not an acceptable response.
    enum Failure: Error, Equatable, Sendable {
        /// The bytes break HTTP/1.1's syntax or framing.
        case malformed(String)
        /// The head or the body is larger than the limits allow.
        case tooLarge(String)
        /// The stream ended before the response was complete.
        case truncated
    }

    /// A complete response.
    struct Parsed: Sendable, Equatable {
        /// The status code, 100–599.
        var status: Int
        /// Header values by lower-cased name; repeated fields joined with ", ".
        var headers: [String: String]
        /// The body, without any chunked framing.
        var body: [UInt8]
        /// Whether the connection may carry another request.
        var keepAlive: Bool
    }

    private enum Phase: Equatable {
        case statusLine
        case headerFields
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkEnd
        case trailerFields
        case untilClose
        case done
    }

    let limits: Limits
    /// Bytes received and not consumed yet: at most a partial line or head, since body bytes move on at once.
    private var buffer: [UInt8] = []
    /// Where the search for the next line's CRLF goes on from, so a line that comes in pieces is scanned once.
    private var scanned = 0
    private var phase = Phase.statusLine
    private(set) var status = 0
    private var isHTTP11 = false
    private(set) var headers: [String: String] = [:]
    private var fields = 0
    private var headBytes = 0
    /// The body received so far, without any chunked framing (complete once `feed` returns the answer).
    private(set) var body: [UInt8] = []
    private var keepAlive = false

    /// Whether the final head has been read, so `status`, `headers` and `body` describe the answer
    /// (an interim 1xx head is not final).
    var isReadingBody: Bool {
        switch phase {
        case .statusLine, .headerFields: false
        default: true
        }
    }

    /// Whether any byte has come: a failure before that may be a kept-alive connection the server closed.
    private(set) var receivedAny = false

    /// Creates a parser waiting for the status line.
    init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Reads a whole recorded stream, as if the server then closed the connection.
    static func parse(_ bytes: [UInt8], limits: Limits = Limits()) throws(Failure) -> Parsed {
        var parser = HTTPResponseParser(limits: limits)
        if let parsed = try parser.feed(bytes) { return parsed }
        return try parser.finish()
    }

    /// Takes the next bytes received; returns the response once it is complete.
    mutating func feed(_ bytes: some Collection<UInt8>) throws(Failure) -> Parsed? {
        guard phase != .done else { return nil }
        if !bytes.isEmpty { receivedAny = true }
        buffer.append(contentsOf: bytes)
        defer { compact() }
        return try advance()
    }

    /// The stream has ended: the response if it is complete (a body read to the close), else a failure.
    mutating func finish() throws(Failure) -> Parsed {
        if phase == .untilClose {
            phase = .done
            return Parsed(status: status, headers: headers, body: body, keepAlive: false)
        }
        throw .truncated
    }

    /// Runs the phases as far as the buffered bytes allow.
    private mutating func advance() throws(Failure) -> Parsed? {
        var position = 0
        defer {
            buffer.removeFirst(position)
            scanned = max(0, scanned - position)
        }
        while true {
            switch phase {
            case .statusLine:
                guard let line = try nextLine(&position, limit: limits.maxHeadBytes - headBytes) else { return nil }
                try readStatusLine(line)
            case .headerFields, .trailerFields:
                guard let line = try nextLine(&position, limit: limits.maxHeadBytes - headBytes) else { return nil }
                if line.isEmpty {
                    if phase == .trailerFields { return complete(leftover: buffer.count - position) }
                    try startBody()
                } else {
                    try readField(line)
                }
            case .fixedBody(let remaining):
                let taken = min(remaining, buffer.count - position)
                body.append(contentsOf: buffer[position..<(position + taken)])
                position += taken
                if taken < remaining {
                    phase = .fixedBody(remaining: remaining - taken)
                    return nil
                }
                return complete(leftover: buffer.count - position)
            case .chunkSize:
                guard let line = try nextLine(&position, limit: 4096) else { return nil }
                let size = try Self.chunkSize(line)
                guard size <= limits.maxBodyBytes - body.count else { throw bodyTooLarge() }
                if size == 0 {
                    phase = .trailerFields
                    fields = 0
                    headBytes = 0
                } else {
                    phase = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let taken = min(remaining, buffer.count - position)
                body.append(contentsOf: buffer[position..<(position + taken)])
                position += taken
                phase = taken < remaining ? .chunkData(remaining: remaining - taken) : .chunkEnd
                if taken < remaining { return nil }
            case .chunkEnd:
                guard buffer.count - position >= 2 else { return nil }
                guard buffer[position] == 13, buffer[position + 1] == 10 else {
                    throw .malformed("a chunk is longer than its size says")
                }
                position += 2
                phase = .chunkSize
            case .untilClose:
                guard buffer.count - position <= limits.maxBodyBytes - body.count else { throw bodyTooLarge() }
                body.append(contentsOf: buffer[position...])
                position = buffer.count
                return nil
            case .done:
                return nil
            }
        }
    }

    /// The next line without its CRLF (a bare LF ends a line too, as RFC 9112 allows), or nil until
    /// it has come; a line longer than `limit` or holding a bare CR fails.
    private mutating func nextLine(_ position: inout Int, limit: Int) throws(Failure) -> [UInt8]? {
        var index = max(position, scanned)
        while index < buffer.count {
            if buffer[index] == 10 {
                var end = index
                if end > position, buffer[end - 1] == 13 { end -= 1 }
                guard end - position <= limit else { throw lineTooLong() }
                let line = Array(buffer[position..<end])
                guard !line.contains(13) else { throw .malformed("a bare CR in a line") }
                headBytes += index + 1 - position
                position = index + 1
                scanned = position
                return line
            }
            index += 1
        }
        scanned = buffer.count
        guard buffer.count - position <= limit else { throw lineTooLong() }
        return nil
    }

    private func lineTooLong() -> Failure {
        switch phase {
        case .chunkSize: .malformed("a chunk-size line is too long")
        default: .tooLarge("the head is larger than \(limits.maxHeadBytes) bytes")
        }
    }

    private func bodyTooLarge() -> Failure {
        .tooLarge("the body is larger than \(Self.describe(bytes: limits.maxBodyBytes))")
    }

    /// `HTTP/1.x SP 3DIGIT [SP reason]`; an interim 1xx answer is skipped.
    private mutating func readStatusLine(_ line: [UInt8]) throws(Failure) {
        let prefix = Array("HTTP/1.".utf8)
        guard line.count >= 12, Array(line[0..<7]) == prefix, line[7] == 48 || line[7] == 49, line[8] == 32,
            line.count == 12 || line[12] == 32
        else { throw .malformed("the status line is not HTTP/1.x") }
        var code = 0
        for byte in line[9..<12] {
            guard (48...57).contains(byte) else { throw .malformed("the status code is not three digits") }
            code = code * 10 + Int(byte - 48)
        }
        guard (100...599).contains(code) else { throw .malformed("the status code \(code) is out of range") }
        status = code
        isHTTP11 = line[7] == 49
        headers = [:]
        fields = 0
        phase = .headerFields
    }

    /// `name: value`, with a token for the name; obsolete line folding is refused.
    private mutating func readField(_ line: [UInt8]) throws(Failure) {
        fields += 1
        guard fields <= limits.maxHeaderFields else {
            throw .tooLarge("the answer has more than \(limits.maxHeaderFields) header fields")
        }
        guard let colon = line.firstIndex(of: 58), colon > 0,
            line[..<colon].allSatisfy(Self.isTokenByte)
        else { throw .malformed("a header line is not `name: value`") }
        let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
        var value = line[(colon + 1)...]
        while let first = value.first, first == 32 || first == 9 { value = value.dropFirst() }
        while let last = value.last, last == 32 || last == 9 { value = value.dropLast() }
        let text = String(decoding: value, as: UTF8.self)
        if phase == .trailerFields { return }  // trailers are read and checked, but never framing
        if let earlier = headers[name] {
            guard name != "content-length" else {
                guard earlier == text else { throw .malformed("two different Content-Length values") }
                return
            }
            headers[name] = earlier + ", " + text
        } else {
            headers[name] = text
        }
    }

    /// Chooses the body's framing from the head (RFC 9112, section 6.3).
    private mutating func startBody() throws(Failure) {
        if (100..<200).contains(status) {
            phase = .statusLine  // an interim answer: the real one follows
            headBytes = 0
            return
        }
        let tokens = (headers["connection"] ?? "").lowercased().split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        keepAlive = isHTTP11 ? !tokens.contains("close") : tokens.contains("keep-alive")
        if status == 204 || status == 304 {
            phase = .fixedBody(remaining: 0)
        } else if let coding = headers["transfer-encoding"] {
            let codings = coding.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if codings.last == "chunked" {
                phase = .chunkSize
                // A length beside chunked framing is a smuggling sign: read this answer, reuse nothing.
                if headers["content-length"] != nil { keepAlive = false }
            } else {
                phase = .untilClose
            }
        } else if let text = headers["content-length"] {
            let length = try Self.contentLength(text)
            guard length <= limits.maxBodyBytes else { throw bodyTooLarge() }
            phase = .fixedBody(remaining: length)
        } else {
            phase = .untilClose
        }
        if phase == .untilClose { keepAlive = false }
    }

    private mutating func complete(leftover: Int) -> Parsed {
        phase = .done
        // Bytes after the answer were never asked for: the connection is out of step, so it is not reused.
        return Parsed(status: status, headers: headers, body: body, keepAlive: keepAlive && leftover == 0)
    }

    /// Drops consumed bytes (the buffer holds at most a line or a head) and keeps a large body's spare capacity off.
    private mutating func compact() {
        if buffer.isEmpty, buffer.capacity > 1 << 20 { buffer = [] }
    }

    /// A decimal length: digits only, no sign, no overflow.
    static func contentLength(_ text: String) throws(Failure) -> Int {
        let digits = Array(text.utf8)
        guard !digits.isEmpty, digits.allSatisfy({ (48...57).contains($0) }) else {
            throw .malformed("Content-Length is not a number: \(text.prefix(40))")
        }
        var value = 0
        for digit in digits {
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int(digit - 48))
            guard !overflowTimes, !overflowSum else { throw .malformed("Content-Length is out of range") }
            value = sum
        }
        return value
    }

    /// A chunk-size line: hex digits, then optional whitespace and `;extensions`, which are ignored.
    static func chunkSize(_ line: [UInt8]) throws(Failure) -> Int {
        var size = 0
        var digits = 0
        var index = 0
        while index < line.count, let value = hexValue(line[index]) {
            let (times, overflowTimes) = size.multipliedReportingOverflow(by: 16)
            let (sum, overflowSum) = times.addingReportingOverflow(value)
            guard !overflowTimes, !overflowSum else { throw .malformed("a chunk size is out of range") }
            size = sum
            digits += 1
            index += 1
        }
        while index < line.count, line[index] == 32 || line[index] == 9 { index += 1 }
        guard digits > 0, index == line.count || line[index] == 59 else {
            throw .malformed("a chunk size is not hexadecimal: \(String(decoding: line.prefix(40), as: UTF8.self))")
        }
        return size
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 48...57: Int(byte - 48)
        case 65...70: Int(byte - 55)
        case 97...102: Int(byte - 87)
        default: nil
        }
    }

    /// RFC 9110's `tchar`: the characters a header name may hold.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 48...57, 65...90, 97...122: true
        case 33, 35, 36, 37, 38, 39, 42, 43, 45, 46, 94, 95, 96, 124, 126: true
        default: false
        }
    }

    /// `64 MiB`, `1.5 KiB`, `300 bytes`.
    static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
