/// Turns an answer's text (extracted from a response, or a gold answer) into a `ParsedAnswer`.
public enum AnswerParser {
    /// The normalised answer, or `nil` when the text is unparseable.
    public static func parse(_ text: String) -> ParsedAnswer? {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0) }
    }

    /// The normalised answer for UTF-8 `bytes`, or `nil` when they are unparseable.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>) -> ParsedAnswer? {
        let body = stripDelimiters(bytes)
        guard !body.isEmpty else { return nil }
        if let letter = choiceLetter(body) { return ParsedAnswer(value: .choice(letter)) }
        if let text = textAnswer(body) { return ParsedAnswer(value: .text(text)) }
        guard let tokens = MathLexer.tokenize(bytes: body), let tree = MathParser.parse(tokens) else { return nil }
        if case .percent(let inner) = tree {
            return value(of: inner).map { ParsedAnswer(value: $0, isPercentage: true) }
        }
        return value(of: tree).map { ParsedAnswer(value: $0) }
    }

    // MARK: Shapes

    private static func value(of tree: MathExpression) -> AnswerValue? {
        switch tree {
        case .list(let items): return values(of: items).map { .list($0) }
        case .set(let items): return values(of: items).map { .set($0) }
        case .tuple(let items): return values(of: items).map { .tuple($0) }
        case .interval(let lower, let upper, let lowerClosed, let upperClosed):
            return interval(lower, upper, lowerClosed, upperClosed).map { .interval($0) }
        case .union(let parts):
            var intervals: [AnswerInterval] = []
            for part in parts {
                switch part {
                case .interval(let lower, let upper, let lowerClosed, let upperClosed):
                    guard let piece = interval(lower, upper, lowerClosed, upperClosed) else { return nil }
                    intervals.append(piece)
                case .tuple(let ends) where ends.count == 2:
                    guard let piece = interval(ends[0], ends[1], false, false) else { return nil }
                    intervals.append(piece)
                default:
                    return nil
                }
            }
            return .union(intervals)
        case .matrix(let rows):
            var cells: [[MathTerm]] = []
            for row in rows {
                guard row.allSatisfy(\.isScalar) else { return nil }
                cells.append(row.map(MathTerm.init))
            }
            return .matrix(cells)
        case .relation(.member, _, let rhs):
            return value(of: rhs)
        case .relation(.equal, let lhs, let rhs):
            if case .variable = lhs, !rhs.isScalar { return value(of: rhs) }
            guard lhs.isScalar, rhs.isScalar else { return nil }
            let sides = rhs.expandingPlusMinus()
            if sides.count > 1 {
                return .list(sides.map { .equation(MathTerm(lhs), MathTerm($0)) })
            }
            return .equation(MathTerm(lhs), MathTerm(rhs))
        case .relation(let relation, let lhs, let rhs):
            guard lhs.isScalar, rhs.isScalar else { return nil }
            return bound(relation, MathTerm(lhs), MathTerm(rhs))
        default:
            guard tree.isScalar else { return nil }
            if tree.containsPlusMinus {
                return .list(tree.expandingPlusMinus().map { .expression(MathTerm($0)) })
            }
            return .expression(MathTerm(tree))
        }
    }

    private static func values(of items: [MathExpression]) -> [AnswerValue]? {
        var result: [AnswerValue] = []
        result.reserveCapacity(items.count)
        for item in items {
            let inner: MathExpression
            if case .percent(let p) = item { inner = p } else { inner = item }
            guard let value = value(of: inner) else { return nil }
            result.append(value)
        }
        return result
    }

    private static func interval(_ lower: MathExpression, _ upper: MathExpression,
                                 _ lowerClosed: Bool, _ upperClosed: Bool) -> AnswerInterval? {
        guard lower.isScalar, upper.isScalar else { return nil }
        return AnswerInterval(lower: MathTerm(lower), upper: MathTerm(upper),
                              lowerClosed: lowerClosed, upperClosed: upperClosed)
    }

    /// `x < 3` as the interval `(-\infty, 3)`, and so on; other inequalities stay relations.
    private static func bound(_ relation: MathRelation, _ lhs: MathTerm, _ rhs: MathTerm) -> AnswerValue {
        let infinity = MathTerm(.constant(.infinity))
        let minusInfinity = MathTerm(.negate(.constant(.infinity)))
        var relation = relation
        var variable = lhs, limit = rhs
        if !lhs.isVariable, rhs.isVariable {
            (variable, limit) = (rhs, lhs)
            switch relation {
            case .less: relation = .greater
            case .lessOrEqual: relation = .greaterOrEqual
            case .greater: relation = .less
            case .greaterOrEqual: relation = .lessOrEqual
            default: break
            }
        }
        guard variable.isVariable, limit.variables.isEmpty else { return .relation(relation, lhs, rhs) }
        switch relation {
        case .less, .lessOrEqual:
            return .interval(AnswerInterval(lower: minusInfinity, upper: limit, lowerClosed: false,
                                            upperClosed: relation == .lessOrEqual))
        case .greater, .greaterOrEqual:
            return .interval(AnswerInterval(lower: limit, upper: infinity, lowerClosed: relation == .greaterOrEqual,
                                            upperClosed: false))
        default:
            return .relation(relation, lhs, rhs)
        }
    }

    // MARK: Byte-level pre-passes

    /// Trims white space, math delimiters (`$…$`, `\[…\]`, `\(…\)`) and a final period.
    static func stripDelimiters(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var body = ByteClass.trimmed(bytes)
        while true {
            var start = 0, end = body.count
            if end >= 2, body[0] == .dollar, body[end - 1] == .dollar {
                start = 1
                end -= 1
            } else if end >= 4, body[0] == .backslash, body[end - 2] == .backslash,
                      (body[1] == .openBracket && body[end - 1] == .closeBracket)
                        || (body[1] == .openParen && body[end - 1] == .closeParen) {
                start = 2
                end -= 2
            } else if end >= 1, body[end - 1] == .period || body[end - 1] == .dollar {
                end -= 1
            } else if end >= 1, body[0] == .dollar {
                start = 1
            } else {
                return body
            }
            body = ByteClass.trimmed(UnsafeBufferPointer(rebasing: body[start..<end]))
        }
    }

    /// Removes wrappers that enclose the whole answer: `\text{…}`, `\textbf{…}`, `\mathrm{…}`,
    /// `\mbox{…}`, `\boxed{…}`, `{…}`, and markdown `**…**`.
    static func unwrapped(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var body = bytes
        while body.count >= 2 {
            var start = 0
            if body[0] == .backslash {
                var k = 1
                while k < body.count, ByteClass.isLetter(body[k]) { k += 1 }
                let name = UnsafeBufferPointer(rebasing: body[1..<k])
                guard isWrapperName(name), k < body.count, body[k] == .openBrace else { return body }
                start = k
            } else if body[0] == .asterisk, body[1] == .asterisk, body.count >= 4,
                      body[body.count - 1] == .asterisk, body[body.count - 2] == .asterisk {
                body = ByteClass.trimmed(UnsafeBufferPointer(rebasing: body[2..<(body.count - 2)]))
                continue
            } else if body[0] != .openBrace {
                return body
            }
            guard body[body.count - 1] == .closeBrace,
                  BraceMatcher.closingBrace(in: body, openingAt: start) == body.count - 1 else { return body }
            body = ByteClass.trimmed(UnsafeBufferPointer(rebasing: body[(start + 1)..<(body.count - 1)]))
        }
        return body
    }

    private static func isWrapperName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        switch String(decoding: name, as: UTF8.self) {
        case "text", "textbf", "textrm", "textit", "textnormal", "mbox", "mathrm", "mathbf", "boxed", "fbox",
             "textsf", "texttt", "mathit":
            return true
        default:
            return false
        }
    }

    /// `B`, `(B)`, `B)`, `\text{(B)}`, `\textbf{B}`, and `(B) 12` give `B` (letters A–J).
    static func choiceLetter(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let body = unwrapped(bytes)
        func isChoice(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "J") }
        var letter: UInt8?
        switch body.count {
        case 1 where isChoice(body[0]):
            letter = body[0]
        case 2 where isChoice(body[0]) && (body[1] == .closeParen || body[1] == .period):
            letter = body[0]
        case 3... where body[0] == .openParen && isChoice(body[1]) && body[2] == .closeParen:
            if body.count == 3 || body[3] == .space { letter = body[1] }
        case 3... where isChoice(body[0]) && body[1] == .closeParen && body[2] == .space:
            letter = body[0]
        default:
            break
        }
        return letter.map { String(UnicodeScalar($0)) }
    }

    /// A text answer (`Monday`, `\text{east}`): letters, spaces and light punctuation only, with a
    /// word of three or more letters (or exactly `no`) that is not a math word such as `pi`.
    /// Returned lowercased, with white space collapsed and outer punctuation dropped.
    static func textAnswer(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let body = unwrapped(bytes)
        var run = 0
        var runStart = 0
        var hasTextWord = false
        for (k, b) in body.enumerated() {
            if ByteClass.isLetter(b) || b >= 0xC0 {
                if run == 0 { runStart = k }
                run += 1
                continue
            }
            if b >= 0x80 { continue }
            if run > 0 {
                hasTextWord = hasTextWord || isTextWord(body, runStart, k)
                run = 0
            }
            switch b {
            case .space, .tab, .newline, .apostrophe, .minus, .period, .comma, .exclamation, .question, .quote,
                 .colon, .semicolon:
                continue
            default:
                return nil
            }
        }
        if run > 0 {
            hasTextWord = hasTextWord || isTextWord(body, runStart, body.count)
        }
        guard hasTextWord else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var pendingSpace = false
        for b in body {
            if ByteClass.isSpace(b) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(.space) }
            pendingSpace = false
            out.append(ByteClass.lowercased(b))
        }
        while let last = out.last, last == .period || last == .exclamation || last == .quote || last == .comma {
            out.removeLast()
        }
        while let first = out.first, first == .quote { out.removeFirst() }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isTextWord(_ body: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        if length == 2 {
            return ByteClass.lowercased(body[start]) == UInt8(ascii: "n")
                && ByteClass.lowercased(body[start + 1]) == UInt8(ascii: "o") && body.count == 2
        }
        guard length >= 3 else { return false }
        switch String(decoding: UnsafeBufferPointer(rebasing: body[start..<end]), as: UTF8.self) {
        case "pi", "infinity", "inf", "infty", "sqrt", "sin", "cos", "tan", "cot", "sec", "csc", "log", "exp",
             "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "and":
            return false
        default:
            return true
        }
    }
}

extension MathExpression {
    /// Whether the expression is arithmetic (no tuple, set, interval, matrix or relation inside).
    var isScalar: Bool {
        switch self {
        case .number, .real, .constant, .variable: return true
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b),
             .power(let a, let b), .plusMinus(let a, let b), .root(let a, let b):
            return a.isScalar && b.isScalar
        case .negate(let a), .factorial(let a), .percent(let a), .function(_, let a): return a.isScalar
        case .tuple, .set, .list, .interval, .union, .matrix, .relation: return false
        }
    }
}
