import Foundation

/// Finds the fields a replay needs in one row of recorded samples, straight from the row's bytes and
/// in one pass, without building the row's JSON value: loading a replay file is mostly this.
///
/// It is strict and modest by design. A row it does not fully understand (a `\u` escape, an escaped
/// key, deep nesting, anything invalid) makes it give up with ``Unsure``, and ``JSONRowParser``
/// reads that row instead, giving the same answer or the diagnostic with its column. Whatever the
/// scanner accepts, that parser accepts too, and the fields it finds hold the same values.
struct RecordedRowScanner {
    /// The row needs the full parser.
    struct Unsure: Error {}

    /// What a value is, as far as the replay cares.
    enum Kind: Equatable {
        case string(escaped: Bool)
        case number, null, other
        case array, object
    }

    /// A value inside the row: its kind, and its bytes (a string's without the quotes).
    struct Value {
        var kind: Kind
        var range: Range<Int>
    }

    /// The row's fields a replay reads; the last of a name wins, as in ``JSONRowParser``.
    struct Fields {
        var prompt: Value?
        var index: Value?
        var text: Value?
        var finishReason: Value?
        var promptTokens: Value?
        var completionTokens: Value?
        var usage: Value?
        var meanLogProbability: Value?
        var seed: Value?

        /// Keeps `value` as the field named by `names[name]`.
        mutating func set(_ name: Int, to value: Value) {
            switch name {
            case 0: prompt = value
            case 1: index = value
            case 2: text = value
            case 3: finishReason = value
            case 4: promptTokens = value
            case 5: completionTokens = value
            case 6: usage = value
            case 7: meanLogProbability = value
            default: seed = value
            }
        }
    }

    /// Deeper rows are left to the full parser, which has its own limit.
    private static let maximumDepth = 64
    /// The names ``Fields`` holds, in the order of ``Fields/set(_:to:)``.
    private static let names: [[UInt8]] = [
        "prompt", "index", "text", "finish_reason", "prompt_tokens", "completion_tokens", "usage", "mean_logprob",
        "seed",
    ].map { Array($0.utf8) }

    /// The row's bytes (a line without its newline).
    let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The fields of a row that is one JSON object, with nothing but whitespace around it.
    mutating func rowFields() throws(Unsure) -> Fields {
        position = 0
        skipWhitespace()
        let fields = try objectFields(depth: 0)
        skipWhitespace()
        guard position == bytes.count else { throw Unsure() }
        return fields
    }

    /// The fields of the object `value` (the row's `usage`, say).
    func fields(of value: Value) throws(Unsure) -> Fields {
        var scanner = RecordedRowScanner(bytes)
        scanner.position = value.range.lowerBound
        return try scanner.objectFields(depth: 1)
    }

    /// The text of a string value.
    func string(_ value: Value) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[value.range])
        guard case .string(escaped: true) = value.kind else { return String(decoding: raw, as: UTF8.self) }
        // Written straight into the string's storage (which repairs bad UTF-8 as `String(decoding:)`
        // does), in runs between escapes; only simple escapes get this far, each a byte shorter.
        return String(unsafeUninitializedCapacity: raw.count) { text in
            guard let source = raw.baseAddress, let target = text.baseAddress else { return 0 }
            var written = 0
            var index = 0
            while index < raw.count {
                let escape = memchr(source + index, Int32(UInt8(ascii: "\\")), raw.count - index)
                let run =
                    escape.map { source.distance(to: $0.assumingMemoryBound(to: UInt8.self)) - index }
                    ?? raw.count - index
                (target + written).update(from: source + index, count: run)
                written += run
                index += run
                guard index < raw.count else { break }
                text[written] = JSONRowParser.simpleEscape(raw[index + 1]) ?? raw[index + 1]
                written += 1
                index += 2
            }
            return written
        }
    }

    /// A number value's literal, as ``JSONRowParser`` keeps it.
    func literal(_ value: Value) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[value.range]), as: UTF8.self)
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
            position += 1
        }
    }

    /// An object's members, up to and past its `}`, keeping the ones the replay reads.
    private mutating func objectFields(depth: Int) throws(Unsure) -> Fields {
        guard current == UInt8(ascii: "{") else { throw Unsure() }
        var fields = Fields()
        var closed = opens(closing: UInt8(ascii: "}"))
        while !closed {
            guard current == UInt8(ascii: "\"") else { throw Unsure() }
            let key = try skipString()
            // An escaped key may spell a name this scanner looks for: the full parser decides.
            guard key.kind == .string(escaped: false) else { throw Unsure() }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw Unsure() }
            position += 1
            skipWhitespace()
            let value = try skipValue(depth: depth + 1)
            if let name = Self.name(UnsafeBufferPointer(rebasing: bytes[key.range])) { fields.set(name, to: value) }
            closed = try endsMember(closing: UInt8(ascii: "}"))
        }
        return fields
    }

    /// An array's elements, up to and past its `]`.
    private mutating func skipArray(depth: Int) throws(Unsure) {
        var closed = opens(closing: UInt8(ascii: "]"))
        while !closed {
            _ = try skipValue(depth: depth + 1)
            closed = try endsMember(closing: UInt8(ascii: "]"))
        }
    }

    /// Steps past a container's opening byte; true when `closing` follows at once (and is stepped past).
    private mutating func opens(closing: UInt8) -> Bool {
        position += 1
        skipWhitespace()
        guard current == closing else { return false }
        position += 1
        return true
    }

    /// Steps past the `,` after a member (false) or the container's `closing` byte (true).
    private mutating func endsMember(closing: UInt8) throws(Unsure) -> Bool {
        skipWhitespace()
        guard let byte = current, byte == UInt8(ascii: ",") || byte == closing else { throw Unsure() }
        position += 1
        if byte == closing { return true }
        skipWhitespace()
        return false
    }

    /// The place in ``names`` of a key, if the replay reads it.
    private static func name(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        names.firstIndex { name in
            name.count == key.count
                && name.withUnsafeBufferPointer { memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }
        }
    }

    private mutating func skipValue(depth: Int) throws(Unsure) -> Value {
        guard depth < Self.maximumDepth, let byte = current else { throw Unsure() }
        let start = position
        switch byte {
        case UInt8(ascii: "\""): return try skipString()
        case UInt8(ascii: "{"):
            _ = try objectFields(depth: depth)
            return Value(kind: .object, range: start..<position)
        case UInt8(ascii: "["):
            try skipArray(depth: depth)
            return Value(kind: .array, range: start..<position)
        case UInt8(ascii: "t"): try skip("true")
        case UInt8(ascii: "f"): try skip("false")
        case UInt8(ascii: "n"):
            try skip("null")
            return Value(kind: .null, range: start..<position)
        default:
            try skipNumber()
            return Value(kind: .number, range: start..<position)
        }
        return Value(kind: .other, range: start..<position)
    }

    private mutating func skip(_ literal: StaticString) throws(Unsure) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count,
            UnsafeBufferPointer(start: literal.utf8Start, count: count).elementsEqual(
                UnsafeBufferPointer(rebasing: bytes[position..<position + count]))
        else { throw Unsure() }
        position += count
    }

    /// A string from its opening quote; its value's range leaves the quotes out.
    private mutating func skipString() throws(Unsure) -> Value {
        position += 1
        let start = position
        var escaped = false
        while position < bytes.count {
            skipPlainWords()
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return Value(kind: .string(escaped: escaped), range: start..<position - 1)
            }
            if byte == UInt8(ascii: "\\") {
                // `\u` (and its surrogate pairs) is left to the full parser.
                guard position + 1 < bytes.count, JSONRowParser.simpleEscape(bytes[position + 1]) != nil else {
                    throw Unsure()
                }
                escaped = true
                position += 2
                continue
            }
            guard byte >= 0x20 else { throw Unsure() }
            position += 1
        }
        throw Unsure()
    }

    /// Steps over eight bytes at a time to the first quote, backslash or control character (or to
    /// the last few bytes): most of a row is the plain text of strings.
    private mutating func skipPlainWords() {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while bytes.count - position >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            // A byte of `x` is zero (or, for `below`, under 0x20) exactly when its high bit is set here.
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            let zeroQuote = (quotes &- ones) & ~quotes
            let zeroBackslash = (backslashes &- ones) & ~backslashes
            let below = (word &- ones &* 0x20) & ~word
            let found = (zeroQuote | zeroBackslash | below) & highs
            // Below the first byte found, no borrow reaches: its bit is the lowest set, exactly.
            guard found == 0 else {
                position += found.trailingZeroBitCount / 8
                return
            }
            position += 8
        }
    }

    /// A number, by the grammar ``JSONRowParser`` reads numbers with.
    private mutating func skipNumber() throws(Unsure) {
        let (end, valid) = JSONRowParser.endOfNumber(in: bytes, from: position)
        guard valid else { throw Unsure() }
        position = end
    }
}
