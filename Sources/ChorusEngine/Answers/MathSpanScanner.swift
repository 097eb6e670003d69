/// Finds the last complete math span of a response — `$…$`, `$$…$$`, `\(…\)` or `\[…\]` — in one pass.
enum MathSpanScanner {
    /// The content of the last complete, non-empty math span in `range`, trimmed; `nil` when there is none.
    ///
    /// An escaped dollar (`\$5`) opens nothing; a span never nests, and a span left open at the
    /// end (a cut-off response) does not count.
    static func lastSpan(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Range<Int>? {
        enum Opener { case dollar, doubleDollar, paren, bracket }
        var open: (start: Int, kind: Opener)?
        var last: Range<Int>?
        var k = range.lowerBound
        let end = range.upperBound
        func close(_ contentEnd: Int) {
            if let start = open?.start, let content = BoxScanner.nonEmpty(bytes, start..<contentEnd),
                open?.kind != .dollar || !holdsProse(bytes, content)
            {
                last = content
            }
            open = nil
        }
        while k < end {
            let b = bytes[k]
            if b == .backslash, k + 1 < end {
                let next = bytes[k + 1]
                if open == nil, next == .openParen {
                    open = (k + 2, .paren)
                } else if open == nil, next == .openBracket {
                    open = (k + 2, .bracket)
                } else if open?.kind == .paren, next == .closeParen {
                    close(k)
                } else if open?.kind == .bracket, next == .closeBracket {
                    close(k)
                }
                k += 2
                continue
            }
            if b == .dollar {
                let double = k + 1 < end && bytes[k + 1] == .dollar
                switch open?.kind {
                case nil:
                    open = double ? (k + 2, .doubleDollar) : (k + 1, .dollar)
                    k += double ? 2 : 1
                case .doubleDollar?:
                    close(k)
                    k += double ? 2 : 1
                case .dollar?:
                    close(k)
                    k += 1
                default:
                    k += 1
                }
                continue
            }
            k += 1
        }
        return last
    }

    /// Whether an inline `$…$` holds a plain word of three or more letters (not a command, not in
    /// braces): then its dollars are prices ("pays $2 per egg and earns $18"), not math.
    static func holdsProse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        var depth = 0
        while k < range.upperBound {
            let b = bytes[k]
            if b == .openBrace { depth += 1 }
            if b == .closeBrace { depth -= 1 }
            guard ByteClass.isLetter(b) else {
                k += 1
                continue
            }
            var end = k
            while end < range.upperBound, ByteClass.isLetter(bytes[end]) { end += 1 }
            let command = k > range.lowerBound && bytes[k - 1] == .backslash
            if !command, depth <= 0, end - k >= 3, k > range.lowerBound, bytes[k - 1] == .space,
                end == range.upperBound || bytes[end] == .space
            {
                return true
            }
            k = end
        }
        return false
    }
}
