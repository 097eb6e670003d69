/// Finds every `\boxed{…}` / `\fbox{…}` of a response in one linear pass.
///
/// Braces are matched with one stack for the whole response (escaped `\{` `\}` do not count), so
/// even 100,000 unclosed boxes cost one pass, where matching each box on its own would be quadratic.
struct BoxScanner {
    /// A complete, non-empty box.
    struct Box {
        /// The trimmed content, without the braces.
        let content: Range<Int>
        /// The whole box, from its backslash to its closing brace (or the end of a bare argument).
        let extent: Range<Int>
    }

    /// The complete, non-empty boxes, in the order they close.
    private(set) var boxes: [Box] = []
    /// Whether the response ends inside a `\boxed{` or `\fbox{` that never closes (it was cut off).
    private(set) var endsInsideBox = false

    /// Scans `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard Self.mayHoldBox(bytes) else { return }
        // Each open brace on the stack, with the start of its box (or -1 for a plain group).
        var stack: [(open: Int, boxStart: Int)] = []
        var k = 0
        let count = bytes.count
        while k < count {
            switch bytes[k] {
            case .backslash:
                let nameEnd: Int
                if ByteClass.hasPrefix(bytes, at: k + 1, "boxed") {
                    nameEnd = k + 6
                } else if ByteClass.hasPrefix(bytes, at: k + 1, "fbox") {
                    nameEnd = k + 5
                } else {
                    k += 2
                    continue
                }
                var start = nameEnd
                while start < count, bytes[start] == .space { start += 1 }
                if start < count, bytes[start] == .openBrace {
                    stack.append((start, k))
                    k = start + 1
                    continue
                }
                if start > nameEnd, start < count {
                    // `\boxed 5`: one bare argument, up to white space or `$`.
                    var end = start
                    while end < count, !ByteClass.isSpace(bytes[end]), bytes[end] != .dollar,
                        bytes[end] != .backslash
                    {
                        end += 1
                    }
                    var last = end
                    while last > start,
                        bytes[last - 1] == .period || bytes[last - 1] == .comma || bytes[last - 1] == .semicolon
                    {
                        last -= 1
                    }
                    if let content = Self.nonEmpty(bytes, start..<last) {
                        boxes.append(Box(content: content, extent: k..<end))
                    }
                    k = end
                    continue
                }
                k = nameEnd
            case .openBrace:
                stack.append((k, -1))
                k += 1
            case .closeBrace:
                if let top = stack.popLast(), top.boxStart >= 0,
                    let content = Self.nonEmpty(bytes, (top.open + 1)..<k)
                {
                    boxes.append(Box(content: content, extent: top.boxStart..<(k + 1)))
                }
                k += 1
            default:
                k += 1
            }
        }
        endsInsideBox = stack.contains { $0.boxStart >= 0 }
    }

    /// Whether `\boxed` or `\fbox` occurs at all (the common no-box response skips the brace pass).
    private static func mayHoldBox(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k + 4 < bytes.count {
            if bytes[k] == .backslash, bytes[k + 1] == UInt8(ascii: "b") || bytes[k + 1] == UInt8(ascii: "f"),
                ByteClass.hasPrefix(bytes, at: k + 1, "boxed") || ByteClass.hasPrefix(bytes, at: k + 1, "fbox")
            {
                return true
            }
            k += 1
        }
        return false
    }

    /// `range` without surrounding white space; `nil` when nothing is left.
    static func nonEmpty(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, ByteClass.isSpace(bytes[start]) { start += 1 }
        while end > start, ByteClass.isSpace(bytes[end - 1]) { end -= 1 }
        return start < end ? start..<end : nil
    }

    /// The content ranges of the final group of boxes that together form the answer: the last box,
    /// and each box before it joined only by connectors (`and`, `or`, commas, `$`, `x =`), so that
    /// `\boxed{2} and \boxed{5}` is one answer but `\boxed{41} no wait \boxed{42}` is 42. Boxes nested
    /// in a later box and repeats of the same content are left out. Empty when there is no box.
    func finalGroup(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard var current = boxes.last else { return [] }
        var group = [current.content]
        var index = boxes.count - 2
        while index >= 0 {
            let box = boxes[index]
            index -= 1
            if box.extent.lowerBound >= current.extent.lowerBound { continue }  // nested in a later box
            guard box.extent.upperBound <= current.extent.lowerBound,
                Self.isConnector(bytes, box.extent.upperBound..<current.extent.lowerBound)
            else { break }
            if !group.contains(where: { Self.same(bytes, $0, box.content) }) { group.append(box.content) }
            current = box
        }
        return group.reversed()
    }

    private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for k in 0..<a.count where bytes[a.lowerBound + k] != bytes[b.lowerBound + k] { return false }
        return true
    }

    /// Whether the text between two boxes only joins them: white space, `$`, `,`, `;`, `&`, `\\`,
    /// `\quad`, the words `and` / `or` (also inside `\text{…}`), and labels such as `x =` or `x_2 =`.
    static func isConnector(_ bytes: UnsafeBufferPointer<UInt8>, _ gap: Range<Int>) -> Bool {
        guard gap.count <= 64 else { return false }
        var k = gap.lowerBound
        while k < gap.upperBound {
            let b = bytes[k]
            if ByteClass.isSpace(b) || b == .dollar || b == .comma || b == .semicolon || b == .ampersand
                || b == .equals || b == .underscore || b == .openBrace || b == .closeBrace || b == .openParen
                || b == .closeParen || ByteClass.isDigit(b)
            {
                k += 1
                continue
            }
            if b == .backslash {
                var end = k + 1
                while end < gap.upperBound, ByteClass.isLetter(bytes[end]) { end += 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(k + 1)..<end]), as: UTF8.self)
                switch name {
                case "", "quad", "qquad", "text", "textrm", "mbox", "mathrm", "textnormal", "hspace":
                    k = name.isEmpty ? k + 2 : end
                    continue
                default:
                    return false
                }
            }
            if ByteClass.isLetter(b) {
                var end = k
                while end < gap.upperBound, ByteClass.isLetter(bytes[end]) { end += 1 }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<end]), as: UTF8.self).lowercased()
                guard end - k == 1 || word == "and" || word == "or" else { return false }
                k = end
                continue
            }
            return false
        }
        return true
    }
}
