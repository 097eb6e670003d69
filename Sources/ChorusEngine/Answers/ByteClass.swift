/// Byte tests and trimming for the answer grader, which works on UTF-8 bytes rather than `Character`s.
enum ByteClass {
    /// `0`–`9`.
    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- .zero < 10 }

    /// ASCII `a`–`z`, `A`–`Z`.
    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- UInt8(ascii: "a") < 26 }

    /// ASCII white space (space, tab, newline, carriage return, form feed, vertical tab).
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == .space || (b >= 0x09 && b <= 0x0D) }

    /// `b` lowercased when it is an ASCII capital.
    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 { b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b }

    /// The bytes without leading and trailing ASCII white space.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Whether `bytes` at `position` start with the ASCII `literal` (compared exactly).
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position >= 0, position + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for k in 0..<count where bytes[position + k] != pointer[k] { return false }
        return true
    }

    /// Whether `bytes` at `position` start with the lowercase ASCII `literal`, ignoring ASCII case.
    static func hasPrefixIgnoringCase(
        _ bytes: UnsafeBufferPointer<UInt8>, at position: Int,
        _ literal: StaticString
    ) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position >= 0, position + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for k in 0..<count where lowercased(bytes[position + k]) != pointer[k] { return false }
        return true
    }
}

/// Named ASCII bytes, so byte-level code reads as what it matches.
extension UInt8 {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let exclamation = UInt8(ascii: "!")
    static let quote = UInt8(ascii: "\"")
    static let hash = UInt8(ascii: "#")
    static let dollar = UInt8(ascii: "$")
    static let percent = UInt8(ascii: "%")
    static let ampersand = UInt8(ascii: "&")
    static let apostrophe = UInt8(ascii: "'")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let asterisk = UInt8(ascii: "*")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let period = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let colon = UInt8(ascii: ":")
    static let semicolon = UInt8(ascii: ";")
    static let less = UInt8(ascii: "<")
    static let equals = UInt8(ascii: "=")
    static let greater = UInt8(ascii: ">")
    static let question = UInt8(ascii: "?")
    static let openBracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let closeBracket = UInt8(ascii: "]")
    static let caret = UInt8(ascii: "^")
    static let underscore = UInt8(ascii: "_")
    static let backtick = UInt8(ascii: "`")
    static let openBrace = UInt8(ascii: "{")
    static let pipe = UInt8(ascii: "|")
    static let closeBrace = UInt8(ascii: "}")
    static let tilde = UInt8(ascii: "~")
}
