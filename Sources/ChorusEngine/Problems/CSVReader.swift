/// Reads RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes, LF or CRLF.
///
/// Each record carries the line it starts on, counting line breaks inside quoted fields, so errors
/// point at the right place. Empty lines are not records. A malformed record is reported and reading
/// resumes on the next line, so one bad row does not hide the rest.
struct CSVReader {
    /// One record, or the reason it could not be read.
    enum Row: Equatable {
        /// A well-formed record and the 1-based line it starts on.
        case record(line: Int, fields: [String])
        /// A malformed record and the 1-based line it starts on.
        case malformed(line: Int, reason: String)
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    /// The rows of `text`.
    static func rows(in text: String) -> [Row] {
        var reader = CSVReader(bytes: Array(text.utf8))
        return reader.readAll()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    private mutating func readAll() -> [Row] {
        var rows: [Row] = []
        while index < bytes.count {
            if isLineBreak(bytes[index]) {
                consumeLineBreak()
                continue
            }
            rows.append(readRecord())
        }
        return rows
    }

    private mutating func readRecord() -> Row {
        let start = line
        var fields: [String] = []
        while true {
            var field: [UInt8] = []
            if bytes[safe: index] == Self.quote {
                index += 1
                guard readQuoted(into: &field) else {
                    return .malformed(line: start, reason: "a quoted field is never closed")
                }
                if let next = bytes[safe: index], next != Self.comma, !isLineBreak(next) {
                    skipRestOfLine()
                    return .malformed(line: start, reason: "text after the closing quote of a field")
                }
            } else {
                while let byte = bytes[safe: index], byte != Self.comma, !isLineBreak(byte) {
                    if byte == Self.quote {
                        skipRestOfLine()
                        return .malformed(
                            line: start,
                            reason: "a quote inside an unquoted field; quote the whole field and double the quote")
                    }
                    field.append(byte)
                    index += 1
                }
            }
            fields.append(String(decoding: field, as: UTF8.self))
            guard let next = bytes[safe: index] else { break }
            if next == Self.comma {
                index += 1
                continue
            }
            consumeLineBreak()
            break
        }
        return .record(line: start, fields: fields)
    }

    /// Reads up to and past the closing quote; false when the text ends first.
    private mutating func readQuoted(into field: inout [UInt8]) -> Bool {
        while let byte = bytes[safe: index] {
            if byte == Self.quote {
                if bytes[safe: index + 1] == Self.quote {
                    field.append(Self.quote)
                    index += 2
                    continue
                }
                index += 1
                return true
            }
            if byte == Self.lineFeed || (byte == Self.carriageReturn && bytes[safe: index + 1] != Self.lineFeed) {
                line += 1
            }
            field.append(byte)
            index += 1
        }
        return false
    }

    private func isLineBreak(_ byte: UInt8) -> Bool {
        byte == Self.lineFeed || byte == Self.carriageReturn
    }

    private mutating func consumeLineBreak() {
        if bytes[safe: index] == Self.carriageReturn { index += 1 }
        if bytes[safe: index] == Self.lineFeed { index += 1 }
        line += 1
    }

    private mutating func skipRestOfLine() {
        while let byte = bytes[safe: index], !isLineBreak(byte) { index += 1 }
        if index < bytes.count { consumeLineBreak() }
    }
}

extension Array where Element == UInt8 {
    fileprivate subscript(safe position: Int) -> UInt8? {
        position < count ? self[position] : nil
    }
}
