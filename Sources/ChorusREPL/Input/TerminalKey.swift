#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the keys libedit edits with: one Unicode scalar at a time, giving way at once to Ctrl-C.
///
/// libedit's own reading notices a Ctrl-C only when the signal interrupts its `read`; one that lands
/// while it redraws the line, or handles a burst of typed keys, was seen only at the next Enter.
/// This reader waits on the terminal and on ``InterruptMonitor``'s wake-up together, so the
/// half-typed line is dropped whenever the key is pressed.
enum TerminalKey {
    /// What `next(from:)` returns for the end of input or an interrupt: libedit then ends the line.
    static let none: Int32 = -1

    /// The next key from `descriptor` as a Unicode scalar's value (an invalid UTF-8 sequence
    /// reads as U+FFFD), or ``none``. `wait` blocks until the descriptor is readable, or says no
    /// when the reading should stop.
    static func next(
        from descriptor: Int32, waitingWith wait: (Int32) -> Bool = InterruptMonitor.waitUntilReadable
    ) -> Int32 {
        func readByte() -> UInt8? { nextByte(from: descriptor, waitingWith: wait) }
        guard let first = readByte() else { return none }
        let length: Int
        switch first {
        case 0..<0x80: return Int32(first)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0xFFFD
        }
        var bytes = [first]
        while bytes.count < length {
            guard let next = readByte() else { return none }
            guard next & 0xC0 == 0x80 else { return 0xFFFD }
            bytes.append(next)
        }
        guard let scalar = String(validating: bytes, as: UTF8.self)?.unicodeScalars.first else { return 0xFFFD }
        return Int32(scalar.value)
    }

    /// The next byte from `descriptor`; nil at the end of input or when `wait` says to stop (a Ctrl-C).
    static func nextByte(
        from descriptor: Int32, waitingWith wait: (Int32) -> Bool = InterruptMonitor.waitUntilReadable
    ) -> UInt8? {
        var byte: UInt8 = 0
        while wait(descriptor) {
            let count = read(descriptor, &byte, 1)
            if count == 1 { return byte }
            if count == 0 { return nil }
            if errno != EINTR, errno != EAGAIN { return nil }
        }
        return nil
    }
}
