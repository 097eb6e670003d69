/// Parses one line of JSON Lines, with errors that say what was wrong and at which column.
///
/// Written here rather than using `JSONSerialization` so that error messages are the same on every
/// platform and number literals are kept as written.
struct JSONRowParser {
    /// Why a line is not valid JSON, and the 1-based column (in characters) where that was seen.
    struct Failure: Error, Equatable {
        var message: String
        var column: Int

        /// `unexpected character "x" at column 12`.
        var description: String { "\(message) at column \(column)" }
    }

    private static let maximumDepth = 512

    private let bytes: [UInt8]
    private var index = 0

    /// The value the whole of `text` holds.
    static func parse(_ text: String) throws(Failure) -> JSONValue {
        try parse(bytes: Array(text.utf8))
    }

    /// The value the UTF-8 `bytes` of one line hold.
    static func parse(bytes: [UInt8]) throws(Failure) -> JSONValue {
        var parser = JSONRowParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.failure("unexpected text after the value") }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func failure(_ message: String) -> Failure {
        let column = String(decoding: bytes[..<min(index, bytes.count)], as: UTF8.self).count + 1
        return Failure(message: message, column: column)
    }

    private func unexpected() -> Failure {
        guard index < bytes.count else { return failure("unexpected end of line") }
        let rest = String(decoding: bytes[index...], as: UTF8.self)
        return failure("unexpected character \"\(rest.first.map(String.init) ?? "")\"")
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func expect(_ literal: String) throws(Failure) {
        for byte in literal.utf8 {
            guard current == byte else { throw unexpected() }
            index += 1
        }
    }

    private mutating func parseValue(depth: Int) throws(Failure) -> JSONValue {
        guard depth < Self.maximumDepth else { throw failure("nested too deeply") }
        switch current {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
            return .number(try parseNumber())
        default:
            throw unexpected()
        }
    }

    private mutating func parseObject(depth: Int) throws(Failure) -> JSONValue {
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            guard current == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected \":\" after a key") }
            index += 1
            skipWhitespace()
            members[key] = try parseValue(depth: depth + 1)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default:
                throw failure(current == nil ? "unexpected end of line" : "expected \",\" or \"}\"")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(Failure) -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default:
                throw failure(current == nil ? "unexpected end of line" : "expected \",\" or \"]\"")
            }
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        let opening = index
        index += 1
        var text: [UInt8] = []
        var runStart = index
        // Plain bytes are copied in runs, between escapes: long responses are mostly plain.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if text.isEmpty {
                    let value = String(decoding: bytes[runStart..<index], as: UTF8.self)
                    index += 1
                    return value
                }
                text.append(contentsOf: bytes[runStart..<index])
                index += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                text.append(contentsOf: bytes[runStart..<index])
                index += 1
                try parseEscape(into: &text)
                runStart = index
                continue
            }
            if byte < 0x20 {
                throw failure("a control character inside a string must be escaped")
            }
            index += 1
        }
        index = opening
        throw failure("a string is never closed")
    }

    private mutating func parseEscape(into text: inout [UInt8]) throws(Failure) {
        guard let byte = current else { throw failure("unexpected end of line") }
        if let replacement = Self.simpleEscape(byte) {
            text.append(replacement)
            index += 1
            return
        }
        guard byte == UInt8(ascii: "u") else {
            index -= 1
            throw failure("invalid escape \"\\\(String(decoding: [byte], as: UTF8.self))\"")
        }
        index += 1
        var scalarValue = try parseHex4()
        if (0xD800..<0xDC00).contains(scalarValue) {
            // A high surrogate must be followed by an escaped low one; together they name one scalar.
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw failure("a \\u surrogate is not paired")
            }
            index += 2
            let low = try parseHex4()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("a \\u surrogate is not paired") }
            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw failure("a \\u surrogate is not paired") }
        text.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    /// What `\x` stands for, for every escape but `\u`.
    static func simpleEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexDigit(byte) else {
                throw failure("\\u needs four hex digits")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func parseNumber() throws(Failure) -> String {
        let start = index
        let (end, valid) = Self.endOfNumber(in: bytes, from: start)
        index = end
        guard valid else { throw failure("invalid number") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Where the number literal from `start` ends, `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`,
    /// and whether it is one (if not, where it went wrong): the grammar this parser and
    /// ``RecordedRowScanner`` share.
    static func endOfNumber<Bytes: RandomAccessCollection<UInt8>>(
        in bytes: Bytes, from start: Int
    ) -> (end: Int, valid: Bool) where Bytes.Index == Int {
        var index = start
        var current: UInt8? { index < bytes.endIndex ? bytes[index] : nil }
        /// Steps over digits; whether there was any.
        func digits() -> Bool {
            let first = index
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index > first
        }
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
        } else if !digits() {
            return (index, false)
        }
        if current == UInt8(ascii: ".") {
            index += 1
            guard digits() else { return (index, false) }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits() else { return (index, false) }
        }
        return (index, true)
    }
}
