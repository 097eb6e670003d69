/// An expression ready for comparison: its free variables, and its value when it has none.
public struct MathTerm: Sendable, Hashable {
    /// The expression.
    public let expression: MathExpression
    /// The free variables, sorted.
    public let variables: [String]
    /// The value, computed once at parse time, when the expression has no variables and evaluates.
    public let value: NumericValue?
    /// For an answer written as a long decimal (six or more significant digits, `0.0833333333`), one
    /// unit in its last written place: it also equals any value closer than that (`\frac{1}{12}`).
    public let lastPlace: Rational?

    /// Wraps `expression`, evaluating it when it has no variables.
    public init(_ expression: MathExpression, lastPlace: Rational? = nil) {
        self.expression = expression
        self.lastPlace = lastPlace
        var names: [String] = []
        expression.collectVariables(into: &names)
        variables = names
        value = names.isEmpty ? expression.evaluate() : nil
    }

    /// Whether the expression is a lone variable (the `x` of `x = 5`).
    public var isVariable: Bool {
        if case .variable = expression { return true }
        return false
    }

    /// A key equal only for terms that are certainly equal: `q:` and the exact value, else the tree.
    var key: String {
        if case .exact(let r)? = value { return "q:" + r.description }
        return "x:" + expression.description
    }
}

/// An interval of the real line, with its ends and whether each is included.
public struct AnswerInterval: Sendable, Hashable {
    /// The lower end (may be `-\infty`).
    public let lower: MathTerm
    /// The upper end (may be `\infty`).
    public let upper: MathTerm
    /// Whether the lower end is included (`[`).
    public let lowerClosed: Bool
    /// Whether the upper end is included (`]`).
    public let upperClosed: Bool

    var key: String {
        (lowerClosed ? "[" : "(") + lower.key + "," + upper.key + (upperClosed ? "]" : ")")
    }
}

/// The shape of a normalised answer.
public indirect enum AnswerValue: Sendable, Hashable {
    /// A number or an expression (`1/2`, `2\sqrt{3}`, `2x+1`).
    case expression(MathTerm)
    /// `lhs = rhs`.
    case equation(MathTerm, MathTerm)
    /// An inequality that is not a simple bound on one variable (`x < y`).
    case relation(MathRelation, MathTerm, MathTerm)
    /// An ordered tuple or point: `(1, 2)`.
    case tuple([AnswerValue])
    /// A set: `\{1, 2\}`.
    case set([AnswerValue])
    /// A bare comma list, `1, 2` (unordered), also what `a \pm b` stands for.
    case list([AnswerValue])
    /// An interval: `(0, 1]`.
    case interval(AnswerInterval)
    /// A union of intervals: `(-\infty, 0) \cup (1, \infty)`.
    case union([AnswerInterval])
    /// A matrix or vector, rows of cells.
    case matrix([[MathTerm]])
    /// A ratio or a time, `3:8`, `12:00`.
    case ratio([MathTerm])
    /// A multiple-choice letter, `A`–`J`.
    case choice(String)
    /// A text answer, lowercased with white space collapsed.
    case text(String)

    /// A key equal only for values that are certainly equivalent; `nil` when only comparison can tell.
    var key: String? {
        switch self {
        case .expression(let term): return term.key
        case .equation(let lhs, let rhs):
            return lhs.isVariable ? rhs.key : "eq:" + lhs.key + "=" + rhs.key
        case .relation(let relation, let lhs, let rhs):
            return "r:" + lhs.key + relation.rawValue + rhs.key
        case .tuple(let items):
            return Self.joinedKeys(items, sorted: false).map { "(" + $0 + ")" }
        case .set(let items), .list(let items):
            return Self.joinedKeys(items, sorted: true).map { "{" + $0 + "}" }
        case .interval(let interval): return "i" + interval.key
        case .union(let parts): return "u" + parts.map(\.key).sorted().joined(separator: "∪")
        case .matrix(let rows):
            return "m[" + rows.map { $0.map(\.key).joined(separator: ",") }.joined(separator: ";") + "]"
        case .ratio(let parts): return "r(" + parts.map(\.key).joined(separator: ":") + ")"
        case .choice(let letter): return "c:" + letter
        case .text(let text): return "t:" + text
        }
    }

    private static func joinedKeys(_ items: [AnswerValue], sorted: Bool) -> String? {
        var keys: [String] = []
        keys.reserveCapacity(items.count)
        for item in items {
            guard let key = item.key else { return nil }
            keys.append(key)
        }
        if sorted { keys.sort() }
        return keys.joined(separator: ",")
    }

    /// The value divided by 100 (for `50\%` ≡ `0.5`); `nil` for shapes a percentage cannot take.
    var percentScaled: AnswerValue? {
        let hundred = MathExpression.number(Rational(100))
        switch self {
        case .expression(let term): return .expression(MathTerm(.divide(term.expression, hundred)))
        case .equation(let lhs, let rhs): return .equation(lhs, MathTerm(.divide(rhs.expression, hundred)))
        default: return nil
        }
    }
}

/// A normalised answer: what an extracted answer (or a gold answer) means, ready to compare.
public struct ParsedAnswer: Sendable, Hashable {
    /// The normalised value.
    public let value: AnswerValue
    /// Whether the answer was written as a percentage (`50\%`); the value holds the number before `%`.
    public let isPercentage: Bool

    /// Creates an answer.
    public init(value: AnswerValue, isPercentage: Bool = false) {
        self.value = value
        self.isPercentage = isPercentage
    }

    /// A string equal for answers that are exactly equal after normalisation (`q:1/2` for ½, `0.5`
    /// and `\frac{1}{2}`); `nil` when only `AnswerEquivalence` can decide. Equal keys always mean
    /// equivalent answers; different keys do not mean different answers (`\sqrt{8}` and `2\sqrt{2}`).
    public var canonicalKey: String? { value.key }
}
