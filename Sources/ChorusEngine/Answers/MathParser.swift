/// A recursive-descent parser from answer tokens to a `MathExpression`.
///
/// Precedence, loosest first: list (`,`) → union (`\cup`) → relation (`=`, `\le`, `\in`) →
/// sum (`+ - \pm`) → product (`* / \times`, implicit) → sign → power (`^`) → postfix (`! \% ^\circ`) → atom.
/// Trailing unit words (`12 apples`, `5 \text{ cm}^2`) are dropped inside products.
struct MathParser {
    private let tokens: [MathToken]
    private var position = 0
    private var nesting = 0
    private static let maximumNesting = 200

    private init(tokens: [MathToken]) {
        self.tokens = tokens
    }

    /// Parses a whole answer's tokens; `nil` when they are not one well-formed answer.
    static func parse(_ tokens: [MathToken]) -> MathExpression? {
        var parser = MathParser(tokens: tokens)
        guard !tokens.isEmpty, let result = parser.parseList() else { return nil }
        while parser.position < tokens.count,
            parser.check(.period) || parser.check(.comma) || parser.check(.semicolon)
        {
            parser.position += 1
        }
        return parser.position == tokens.count ? result : nil
    }

    /// Lexes and parses `text`.
    static func parse(_ text: String) -> MathExpression? {
        guard let tokens = MathLexer.tokenize(text) else { return nil }
        return parse(tokens)
    }

    // MARK: Token access

    private var current: MathToken.Kind? {
        position < tokens.count ? tokens[position].kind : nil
    }

    private func token(at offset: Int) -> MathToken.Kind? {
        position + offset < tokens.count ? tokens[position + offset].kind : nil
    }

    private func check(_ symbol: UInt8) -> Bool {
        position < tokens.count && tokens[position].isSymbol(symbol)
    }

    private func check(_ command: LatexCommand) -> Bool {
        position < tokens.count && tokens[position].isCommand(command)
    }

    private mutating func expect(_ symbol: UInt8) -> Bool {
        guard check(symbol) else { return false }
        position += 1
        return true
    }

    /// Whether the current token ends a list (a closer, a cell break, or the end).
    private var atListEnd: Bool {
        guard let kind = current else { return true }
        switch kind {
        case .symbol(let b): return b == .closeParen || b == .closeBracket || b == .closeBrace || b == .ampersand
        case .command(.setClose), .command(.rowBreak), .end: return true
        default: return false
        }
    }

    // MARK: Lists, unions, relations

    private mutating func parseItems() -> [MathExpression]? {
        var items: [MathExpression] = []
        while true {
            guard let item = parseUnion() else { return nil }
            items.append(item)
            guard check(.comma) || check(.semicolon) else { break }
            position += 1
            if atListEnd { break }
        }
        return items
    }

    private mutating func parseList() -> MathExpression? {
        guard let items = parseItems() else { return nil }
        return items.count == 1 ? items[0] : .list(items)
    }

    private mutating func parseUnion() -> MathExpression? {
        guard let first = parseRelation() else { return nil }
        guard check(.cup) else { return first }
        var parts = [first]
        while check(.cup) {
            position += 1
            guard let next = parseRelation() else { return nil }
            parts.append(next)
        }
        return .union(parts)
    }

    private mutating func relationAhead() -> MathRelation? {
        guard let kind = current else { return nil }
        switch kind {
        case .symbol(.equals):
            position += 1
            return .equal
        case .symbol(.less):
            position += 1
            if expect(.equals) { return .lessOrEqual }
            return .less
        case .symbol(.greater):
            position += 1
            if expect(.equals) { return .greaterOrEqual }
            return .greater
        case .command(.lessOrEqual):
            position += 1
            return .lessOrEqual
        case .command(.greaterOrEqual):
            position += 1
            return .greaterOrEqual
        case .command(.notEqual):
            position += 1
            return .notEqual
        case .command(.member):
            position += 1
            return .member
        default: return nil
        }
    }

    private mutating func parseRelation() -> MathExpression? {
        guard let lhs = parseRatio() else { return nil }
        guard let relation = relationAhead() else { return lhs }
        guard var rhs = parseRatio() else { return nil }
        var middle: MathExpression?
        var secondRelation: MathRelation?
        while let next = relationAhead() {
            guard let further = parseRatio() else { return nil }
            middle = rhs
            secondRelation = next
            rhs = further
        }
        if let middle, let secondRelation {
            // `0 < x \le 1` reads as x ∈ (0, 1]; `x = 2 + 3 = 5` keeps its two ends.
            let lowerStrict = relation == .less
            let upperStrict = secondRelation == .less
            if relation == .less || relation == .lessOrEqual, secondRelation == .less || secondRelation == .lessOrEqual
            {
                return .relation(
                    .member, middle,
                    .interval(
                        lower: lhs, upper: rhs,
                        lowerClosed: !lowerStrict, upperClosed: !upperStrict))
            }
            // `7 \ge x > -2` reads as x ∈ (-2, 7].
            if relation == .greater || relation == .greaterOrEqual,
                secondRelation == .greater || secondRelation == .greaterOrEqual
            {
                return .relation(
                    .member, middle,
                    .interval(
                        lower: rhs, upper: lhs,
                        lowerClosed: secondRelation == .greaterOrEqual,
                        upperClosed: relation == .greaterOrEqual))
            }
            if relation == .equal, secondRelation == .equal { return .relation(.equal, lhs, rhs) }
            return nil
        }
        return .relation(relation, lhs, rhs)
    }

    /// `a : b : c` (a ratio or a time); a lone expression otherwise.
    private mutating func parseRatio() -> MathExpression? {
        guard let first = parseExpression() else { return nil }
        guard check(.colon) else { return first }
        var parts = [first]
        while expect(.colon) {
            guard let next = parseExpression() else { return nil }
            parts.append(next)
        }
        return .ratio(parts)
    }

    // MARK: Arithmetic

    private mutating func parseExpression() -> MathExpression? {
        guard var left = parseTerm() else { return nil }
        while let kind = current {
            switch kind {
            case .symbol(.plus):
                position += 1
                guard let right = parseTerm() else { return nil }
                left = .add(left, right)
            case .symbol(.minus):
                position += 1
                guard let right = parseTerm() else { return nil }
                left = .subtract(left, right)
            case .command(.plusMinus), .command(.minusPlus):
                position += 1
                guard let right = parseTerm() else { return nil }
                left = .plusMinus(left, right)
            default:
                return left
            }
        }
        return left
    }

    private mutating func parseTerm() -> MathExpression? {
        guard var left = parseUnary() else { return nil }
        while let kind = current {
            switch kind {
            case .symbol(.asterisk):
                position += 1
                guard let right = parseUnary() else { return nil }
                left = .multiply(left, right)
            case .symbol(.slash):
                position += 1
                guard let right = parseUnary() else { return nil }
                left = .divide(left, right)
            case .word(_, let isText) where isText || tokens[position].spaceBefore:
                skipUnit()
            case .command(.degree):
                position += 1
            default:
                if let mixed = mixedNumber(after: left) {
                    left = mixed
                } else if startsImplicitFactor(kind) {
                    guard let right = parsePower() else { return nil }
                    left = .multiply(left, right)
                } else {
                    return left
                }
            }
        }
        return left
    }

    /// Drops a unit: words, and any `^2` or `/word` that belongs to them (`\text{ cm}^2`, `km/h`).
    private mutating func skipUnit() {
        position += 1
        while let kind = current {
            if case .word(_, let isText) = kind, isText || tokens[position].spaceBefore {
                position += 1
            } else if case .letter = kind, position > 0, case .word = tokens[position - 1].kind,
                tokens[position].spaceBefore
            {
                position += 1
            } else if check(.caret), case .number = token(at: 1) {
                position += 2
            } else if check(.caret), token(at: 1) == .symbol(.openBrace), case .number = token(at: 2),
                token(at: 3) == .symbol(.closeBrace)
            {
                position += 4
            } else if check(.slash), case .word = token(at: 1) {
                position += 2
            } else {
                return
            }
        }
    }

    private func startsImplicitFactor(_ kind: MathToken.Kind) -> Bool {
        switch kind {
        case .letter, .word: return true
        case .command(.frac), .command(.sqrt), .command(.constant), .command(.function): return true
        case .symbol(let b): return b == .openParen || b == .openBrace
        default: return false
        }
    }

    /// `2\frac{1}{2}` and `2 1/2` (an integer then a proper fraction of integers) read as 2½.
    private mutating func mixedNumber(after left: MathExpression) -> MathExpression? {
        guard position > 0, case .number(_, true) = tokens[position - 1].kind else { return nil }
        let whole: Rational
        let negative: Bool
        switch left {
        case .number(let r):
            whole = r
            negative = false
        case .negate(.number(let r)):
            whole = r
            negative = true
        default: return nil
        }
        var numerator: Rational?
        var denominator: Rational?
        var consumed = 0
        if check(.frac) {
            if token(at: 1) == .symbol(.openBrace), case .number(let a, true) = token(at: 2),
                token(at: 3) == .symbol(.closeBrace), token(at: 4) == .symbol(.openBrace),
                case .number(let b, true) = token(at: 5), token(at: 6) == .symbol(.closeBrace)
            {
                (numerator, denominator, consumed) = (a, b, 7)
            } else if case .number(let a, true) = token(at: 1), case .number(let b, true) = token(at: 2) {
                (numerator, denominator, consumed) = (a, b, 3)
            }
        } else if case .number(let a, true) = current, tokens[position].spaceBefore,
            token(at: 1) == .symbol(.slash), case .number(let b, true) = token(at: 2)
        {
            (numerator, denominator, consumed) = (a, b, 3)
        }
        guard let numerator, let denominator, numerator.numerator > 0,
            numerator.numerator < denominator.numerator,
            let fraction = Rational(numerator.numerator, denominator.numerator),
            let value = whole.adding(fraction)
        else { return nil }
        position += consumed
        return negative ? .negate(.number(value)) : .number(value)
    }

    private mutating func parseUnary() -> MathExpression? {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting < Self.maximumNesting, let kind = current else { return nil }
        switch kind {
        case .symbol(.minus):
            position += 1
            return parseUnary().map { .negate($0) }
        case .symbol(.plus):
            position += 1
            return parseUnary()
        case .command(.plusMinus), .command(.minusPlus):
            position += 1
            return parseUnary().map { .plusMinus(.number(.zero), $0) }
        default:
            return parsePower()
        }
    }

    private mutating func parsePower() -> MathExpression? {
        guard var base = parsePostfix() else { return nil }
        while check(.caret) {
            if case .command(.degree) = token(at: 1) {
                position += 2
                continue
            }
            if token(at: 1) == .symbol(.openBrace), token(at: 2) == .command(.degree),
                token(at: 3) == .symbol(.closeBrace)
            {
                position += 4
                continue
            }
            position += 1
            guard let exponent = parseExponent() else { return nil }
            base = .power(base, exponent)
            while check(.exclamation) {
                position += 1
                base = .factorial(base)
            }
        }
        return base
    }

    private mutating func parseExponent() -> MathExpression? {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting < Self.maximumNesting else { return nil }
        if expect(.minus) { return parseExponent().map { .negate($0) } }
        if expect(.plus) { return parseExponent() }
        guard let base = parsePrimary() else { return nil }
        if check(.caret) {
            position += 1
            return parseExponent().map { .power(base, $0) }
        }
        return base
    }

    private mutating func parsePostfix() -> MathExpression? {
        guard var value = parsePrimary() else { return nil }
        while let kind = current {
            switch kind {
            case .symbol(.exclamation):
                if case .symbol(.equals) = token(at: 1) { return value }
                position += 1
                value = .factorial(value)
            case .symbol(.percent):
                position += 1
                value = .percent(value)
            case .command(.degree), .symbol(.apostrophe):
                position += 1
            default:
                return value
            }
        }
        return value
    }

    // MARK: Atoms

    private mutating func parsePrimary() -> MathExpression? {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting < Self.maximumNesting, let kind = current else { return nil }
        switch kind {
        case .number(let value, let plain):
            position += 1
            if plain, check(.underscore) { return parseBaseSubscript(digits: value) }
            return .number(value)
        case .real(let value):
            position += 1
            return .real(value)
        case .letter(let name):
            position += 1
            if check(.underscore) {
                position += 1
                guard let subscriptName = parseSubscriptName() else { return nil }
                return .variable(name + "_" + subscriptName)
            }
            return name == "e" ? .constant(.e) : .variable(name)
        case .word(let word, let isText):
            guard !isText else { return nil }
            position += 1
            var product: MathExpression?
            for letter in word.utf8 {
                let factor = MathExpression.variable(String(UnicodeScalar(letter)))
                product = product.map { .multiply($0, factor) } ?? factor
            }
            return product
        case .command(.constant(let constant)):
            position += 1
            return .constant(constant)
        case .command(.frac):
            position += 1
            guard let numerator = parseArgument(), let denominator = parseArgument() else { return nil }
            return .divide(numerator, denominator)
        case .command(.sqrt):
            position += 1
            var index = MathExpression.number(Rational(2))
            if expect(.openBracket) {
                guard let given = parseExpression(), expect(.closeBracket) else { return nil }
                index = given
            }
            return parseArgument().map { .root(index: index, radicand: $0) }
        case .command(.function(let function)):
            position += 1
            return parseFunction(function)
        case .symbol(.openParen), .symbol(.openBracket):
            return parseGroup()
        case .symbol(.openBrace):
            position += 1
            guard let inner = parseList(), expect(.closeBrace) else { return nil }
            return inner
        case .symbol(.pipe):
            position += 1
            guard let inner = parseExpression(), expect(.pipe) else { return nil }
            return .function(.abs, inner)
        case .command(.setOpen):
            position += 1
            if check(.setClose) {
                position += 1
                return .set([])
            }
            guard let items = parseItems(), check(.setClose) else { return nil }
            position += 1
            return .set(items)
        case .command(.emptySet):
            position += 1
            return .set([])
        case .begin(let environment):
            position += 1
            return parseMatrix(environment)
        default:
            return nil
        }
    }

    /// A command argument: a braced group, or one token (`\frac12`, `\sqrt x`).
    private mutating func parseArgument() -> MathExpression? {
        if expect(.openBrace) {
            guard let inner = parseList(), expect(.closeBrace) else { return nil }
            return inner
        }
        return parsePrimary()
    }

    private mutating func parseFunction(_ function: MathFunction) -> MathExpression? {
        var exponent: MathExpression?
        var base: MathExpression?
        while true {
            if expect(.caret) {
                guard let given = parseExponent() else { return nil }
                exponent = given
            } else if expect(.underscore) {
                guard let given = parsePrimary() else { return nil }
                base = given
            } else {
                break
            }
        }
        guard var argument = check(.openParen) ? parsePrimary() : parsePower() else { return nil }
        if !tokens[position - 1].isSymbol(.closeParen) {
            // `\sin 2x` is sin(2x): letters and constants glued on belong to the argument (`\sin x \cos x` stops at `\cos`).
            while let kind = current {
                switch kind {
                case .letter, .command(.constant):
                    guard let factor = parsePower() else { return nil }
                    argument = .multiply(argument, factor)
                    continue
                default:
                    break
                }
                break
            }
        }
        var result = MathExpression.function(function, argument)
        if let base {
            result = .divide(.function(.ln, argument), .function(.ln, base))
        }
        if let exponent {
            result = .power(result, exponent)
        }
        return result
    }

    /// `(…)` or `[…]`: a group, a tuple, or an interval (mixed brackets, or `[a, b]`).
    private mutating func parseGroup() -> MathExpression? {
        let opensClosed = check(.openBracket)
        position += 1
        guard let items = parseItems() else { return nil }
        let closesClosed: Bool
        if check(.closeParen) {
            closesClosed = false
        } else if check(.closeBracket) {
            closesClosed = true
        } else {
            return nil
        }
        position += 1
        if items.count == 1 {
            return opensClosed == closesClosed ? items[0] : nil
        }
        if items.count == 2, opensClosed || closesClosed {
            return .interval(lower: items[0], upper: items[1], lowerClosed: opensClosed, upperClosed: closesClosed)
        }
        return opensClosed == closesClosed ? .tuple(items) : nil
    }

    /// `_2`, `_{10}`: a number written in another base, compared by value (`1011_2` is 11).
    private mutating func parseBaseSubscript(digits: Rational) -> MathExpression? {
        position += 1
        let braced = expect(.openBrace)
        guard case .number(let baseValue, true) = current else { return nil }
        position += 1
        if braced, !expect(.closeBrace) { return nil }
        let base = baseValue.numerator
        guard base >= 2, base <= 36, digits.isInteger, digits.numerator >= 0 else { return nil }
        var remaining = digits.numerator
        var value = 0
        var place = 1
        while remaining > 0 {
            let digit = remaining % 10
            guard digit < base else { return nil }
            let (term, o1) = digit.multipliedReportingOverflow(by: place)
            let (sum, o2) = value.addingReportingOverflow(term)
            guard !o1, !o2 else { return nil }
            value = sum
            remaining /= 10
            if remaining > 0 {
                let (next, o3) = place.multipliedReportingOverflow(by: base)
                guard !o3 else { return nil }
                place = next
            }
        }
        return .number(Rational(value))
    }

    /// The text of a variable's subscript: `x_1`, `x_{12}`, `a_n`.
    private mutating func parseSubscriptName() -> String? {
        let braced = expect(.openBrace)
        var name = ""
        repeat {
            guard let kind = current else { return nil }
            switch kind {
            case .number(let r, _): name += r.description
            case .letter(let s), .word(let s, _): name += s
            default: return nil
            }
            position += 1
        } while braced && !check(.closeBrace)
        if braced { position += 1 }
        return name
    }

    /// The body of `\begin{pmatrix} … \end{pmatrix}` (and bmatrix, matrix, vmatrix, array…).
    private mutating func parseMatrix(_ environment: String) -> MathExpression? {
        switch environment {
        case "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "array",
            "matrix*", "pmatrix*", "bmatrix*", "Bmatrix*", "vmatrix*", "Vmatrix*", "smallmatrix*":
            break
        default: return nil
        }
        var rows: [[MathExpression]] = []
        var row: [MathExpression] = []
        while true {
            guard let cell = parseExpression() else { return nil }
            row.append(cell)
            if expect(.ampersand) { continue }
            if check(.rowBreak) {
                position += 1
                rows.append(row)
                row = []
                if case .end = current { break }
                continue
            }
            if case .end(let name) = current, name == environment {
                rows.append(row)
                row = []
                break
            }
            return nil
        }
        guard case .end(let name) = current, name == environment else { return nil }
        position += 1
        guard let width = rows.first?.count, rows.allSatisfy({ $0.count == width }) else { return nil }
        return .matrix(rows)
    }
}
