/// Turns an answer's text (extracted from a response, or a gold answer) into a `ParsedAnswer`.
public enum AnswerParser {
    /// The normalised answer, or `nil` when the text is unparseable.
    public static func parse(_ text: String) -> ParsedAnswer? {
        var copy = text
        return copy.withUTF8 { parse(bytes: $0) }
    }

    /// The longest answer text read, in bytes: longer text is no answer (and no input can make the
    /// parser's work or depth grow past this bound).
    public static let maximumLength = 4_096

    /// The fewest significant digits for which a decimal is read as a rounded value (see `MathTerm.lastPlace`).
    public static let longDecimalDigits = 6

    /// The normalised answer for UTF-8 `bytes`, or `nil` when they are unparseable.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>) -> ParsedAnswer? {
        let body = stripDelimiters(bytes)
        guard !body.isEmpty, body.count <= maximumLength else { return nil }
        if let letter = choiceLetter(body) { return ParsedAnswer(value: .choice(letter)) }
        if let text = textAnswer(body) {
            if let number = numberWords[text] {
                return ParsedAnswer(value: .expression(MathTerm(.number(Rational(number)))))
            }
            return ParsedAnswer(value: .text(text))
        }
        guard let tokens = MathLexer.tokenize(bytes: body), let tree = MathParser.parse(tokens) else { return nil }
        if case .percent(let inner) = tree {
            return value(of: inner).map { ParsedAnswer(value: $0, isPercentage: true) }
        }
        if let lastPlace = longDecimalPlace(tokens), case .number = tree.withoutSign {
            return ParsedAnswer(value: .expression(MathTerm(tree, lastPlace: lastPlace)))
        }
        return value(of: tree).map { ParsedAnswer(value: $0) }
    }

    /// Small numbers written as words ("Answer: two").
    static let numberWords: [String: Int] = {
        let words = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
            "twenty",
        ]
        var table: [String: Int] = [:]
        for (value, word) in words.enumerated() { table[word] = value }
        for (value, word) in [
            (30, "thirty"), (40, "forty"), (50, "fifty"), (60, "sixty"), (70, "seventy"),
            (80, "eighty"), (90, "ninety"), (100, "one hundred"), (100, "hundred"),
        ] {
            table[word] = value
        }
        return table
    }()

    /// One unit in the last place of an answer that is one decimal literal with at least
    /// `longDecimalDigits` significant digits (`0.0833333333` gives 10⁻¹⁰), else `nil`.
    private static func longDecimalPlace(_ tokens: [MathToken]) -> Rational? {
        let literal: MathToken
        switch tokens.count {
        case 1: literal = tokens[0]
        case 2 where tokens[0].isSymbol(.minus) || tokens[0].isSymbol(.plus): literal = tokens[1]
        default: return nil
        }
        guard literal.significantDigits >= longDecimalDigits, literal.decimalPlaces > 0,
            let ten = Rational(10).power(literal.decimalPlaces)
        else { return nil }
        return ten.reciprocal
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
                cells.append(row.map { MathTerm($0) })
            }
            return .matrix(cells)
        case .relation(.member, _, let rhs):
            return value(of: rhs)
        case .relation(.equal, let lhs, let rhs):
            if case .variable = lhs, !rhs.isScalar { return value(of: rhs) }
            // A labelled answer — `(p,q)=(3,2)`, `AB = 6`, `f(x) = 2x+1`, `S_1 : S_2 = 3:8` — is its value.
            if lhs.isLabel(for: rhs) { return value(of: rhs) }
            guard lhs.isScalar, rhs.isScalar else { return nil }
            let sides = rhs.expandingPlusMinus()
            if sides.count > 1 {
                return .list(sides.map { .equation(MathTerm(lhs), MathTerm($0)) })
            }
            if case .variable = lhs { return .equation(MathTerm(lhs), MathTerm(rhs)) }
            return solvedLinear(.equal, MathTerm(lhs), MathTerm(rhs)) ?? .equation(MathTerm(lhs), MathTerm(rhs))
        case .relation(let relation, let lhs, let rhs):
            guard lhs.isScalar, rhs.isScalar else { return nil }
            return bound(relation, MathTerm(lhs), MathTerm(rhs))
        case .ratio(let parts):
            guard parts.allSatisfy(\.isScalar) else { return nil }
            return .ratio(parts.map { MathTerm($0) })
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

    private static func interval(
        _ lower: MathExpression, _ upper: MathExpression,
        _ lowerClosed: Bool, _ upperClosed: Bool
    ) -> AnswerInterval? {
        guard lower.isScalar, upper.isScalar else { return nil }
        return AnswerInterval(
            lower: MathTerm(lower), upper: MathTerm(upper),
            lowerClosed: lowerClosed, upperClosed: upperClosed)
    }

    /// `x < 3` as the interval `(-\infty, 3)`, and so on; other inequalities stay relations.
    private static func bound(_ relation: MathRelation, _ lhs: MathTerm, _ rhs: MathTerm) -> AnswerValue {
        let infinity = MathTerm(.constant(.infinity))
        let minusInfinity = MathTerm(.negate(.constant(.infinity)))
        var relation = relation
        var variable = lhs
        var limit = rhs
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
        guard variable.isVariable, limit.variables.isEmpty else {
            if let solved = solvedLinear(relation, lhs, rhs) { return solved }
            // `y > x` and `x < y` are one relation: written with `<` or `\le`.
            switch relation {
            case .greater: return .relation(.less, rhs, lhs)
            case .greaterOrEqual: return .relation(.lessOrEqual, rhs, lhs)
            default: return .relation(relation, lhs, rhs)
            }
        }
        switch relation {
        case .less, .lessOrEqual:
            return .interval(
                AnswerInterval(
                    lower: minusInfinity, upper: limit, lowerClosed: false,
                    upperClosed: relation == .lessOrEqual))
        case .greater, .greaterOrEqual:
            return .interval(
                AnswerInterval(
                    lower: limit, upper: infinity, lowerClosed: relation == .greaterOrEqual,
                    upperClosed: false))
        default:
            return .relation(relation, lhs, rhs)
        }
    }

    /// A relation in one variable whose sides differ by a linear function `a·x + b` (`a ≠ 0`), solved
    /// for the variable: `-x > -1` is `x < 1` (an interval), `2x + 4 = 10` is `x = 3`. `nil` otherwise.
    private static func solvedLinear(_ relation: MathRelation, _ lhs: MathTerm, _ rhs: MathTerm) -> AnswerValue? {
        var names = lhs.variables
        for name in rhs.variables where !names.contains(name) { names.append(name) }
        guard names.count == 1 else { return nil }
        let difference = MathExpression.subtract(lhs.expression, rhs.expression)
        func at(_ x: Rational) -> NumericValue? {
            difference.evaluate(VariableAssignment(values: [(names[0], .exact(x))]))
        }
        guard let b = at(.zero), let one = at(.one), let a = one.subtracting(b), a.doubleValue != 0,
            let root = b.negated.divided(by: a)
        else { return nil }
        // Linear: two more points on the same line.
        let check = AnswerEquivalence()
        for x in [Rational(unchecked: 3, 7), Rational(unchecked: -5, 3)] {
            guard let y = at(x), let expected = a.multiplied(by: .exact(x))?.adding(b),
                check.numbersEqual(y, expected)
            else { return nil }
        }
        let variable = MathTerm(.variable(names[0]))
        let limit: MathTerm
        switch root {
        case .exact(let r): limit = MathTerm(.number(r))
        case .approximate(let d): limit = MathTerm(.real(d))
        }
        var solved = relation
        if a.doubleValue < 0 {
            switch relation {
            case .less: solved = .greater
            case .lessOrEqual: solved = .greaterOrEqual
            case .greater: solved = .less
            case .greaterOrEqual: solved = .lessOrEqual
            default: break
            }
        }
        if solved == .equal { return .equation(variable, limit) }
        if solved == .notEqual { return .relation(.notEqual, variable, limit) }
        return bound(solved, variable, limit)
    }

    // MARK: Byte-level pre-passes

    /// Trims white space, math delimiters (`$…$`, `\[…\]`, `\(…\)`) and a final period.
    static func stripDelimiters(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var body = ByteClass.trimmed(bytes)
        while true {
            var start = 0
            var end = body.count
            if end >= 2, body[0] == .dollar, body[end - 1] == .dollar {
                start = 1
                end -= 1
            } else if end >= 4, body[0] == .backslash, body[end - 2] == .backslash,
                (body[1] == .openBracket && body[end - 1] == .closeBracket)
                    || (body[1] == .openParen && body[end - 1] == .closeParen)
            {
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
                body[body.count - 1] == .asterisk, body[body.count - 2] == .asterisk
            {
                body = ByteClass.trimmed(UnsafeBufferPointer(rebasing: body[2..<(body.count - 2)]))
                continue
            } else if body[0] != .openBrace {
                return body
            }
            guard body[body.count - 1] == .closeBrace,
                BraceMatcher.closingBrace(in: body, openingAt: start) == body.count - 1
            else { return body }
            body = ByteClass.trimmed(UnsafeBufferPointer(rebasing: body[(start + 1)..<(body.count - 1)]))
        }
        return body
    }

    private static func isWrapperName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        switch String(decoding: name, as: UTF8.self) {
        case "text", "textbf", "textrm", "textit", "textnormal", "mbox", "mathrm", "mathbf", "boxed", "fbox",
            "textsf", "texttt", "mathit", "textup", "textsc", "emph", "underline", "mathcal", "mathbb", "mathscr",
            "mathfrak", "mathsf", "mathtt", "mathnormal", "boldsymbol", "bm":
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
        case .tuple, .set, .list, .interval, .union, .matrix, .relation, .ratio: return false
        }
    }

    /// The expression without a leading sign.
    var withoutSign: MathExpression {
        if case .negate(let inner) = self { return inner }
        return self
    }

    /// Whether this left side only names the answer on the right: a tuple of variables (`(p,q)`), a
    /// ratio of variables (`S_1 : S_2`), or a product that starts with a variable absent from the right
    /// side (`AB = 6`, `f(x) = 2x+1`). A lone variable is not a label here: `x = 5` stays an equation.
    func isLabel(for rhs: MathExpression) -> Bool {
        switch self {
        case .tuple(let items), .ratio(let items):
            return items.allSatisfy(\.isVariableProduct)
        case .multiply:
            var leftmost = self
            while case .multiply(let a, _) = leftmost { leftmost = a }
            guard case .variable(let name) = leftmost else { return false }
            var names: [String] = []
            rhs.collectVariables(into: &names)
            // The rest of the product, `x` in `f(x)`: `x(x+1) = 6` is an equation, not a label.
            var rest = self
            while case .multiply(let a, let b) = rest {
                b.collectVariables(into: &names)
                rest = a
            }
            return !names.contains(name)
        default:
            return false
        }
    }

    /// A variable, or a product of variables (`AB`).
    private var isVariableProduct: Bool {
        switch self {
        case .variable: return true
        case .multiply(let a, let b): return a.isVariableProduct && b.isVariableProduct
        default: return false
        }
    }
}
