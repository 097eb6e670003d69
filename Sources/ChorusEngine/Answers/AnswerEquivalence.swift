/// Decides whether two parsed answers mean the same thing, on their trees rather than their text.
///
/// Exact values compare exactly (so `1000000 ≠ 1000001`); as soon as either side is approximate
/// (π, a root, a huge literal) the comparison allows `relativeTolerance`, with `absoluteTolerance`
/// as a floor near zero. Expressions with variables are compared as functions, by exact evaluation
/// at fixed rational points (see `docs/grading.md`).
public struct AnswerEquivalence: Sendable {
    /// The relative tolerance for approximate values (default 1e-6).
    public var relativeTolerance: Double
    /// The absolute tolerance used near zero (default 1e-9).
    public var absoluteTolerance: Double

    /// Creates an equivalence with the given tolerances.
    public init(relativeTolerance: Double = 1e-6, absoluteTolerance: Double = 1e-9) {
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
    }

    /// Whether `a` and `b` are the same answer.
    ///
    /// A percentage matches its number (`50\%` ≡ `50`) and, when only one side is a percentage,
    /// its fraction as well (`50\%` ≡ `0.5`).
    public func areEquivalent(_ a: ParsedAnswer, _ b: ParsedAnswer) -> Bool {
        if valuesEqual(a.value, b.value) { return true }
        guard a.isPercentage != b.isPercentage else { return false }
        let (percentage, other) = a.isPercentage ? (a, b) : (b, a)
        guard let scaled = percentage.value.percentScaled else { return false }
        return valuesEqual(scaled, other.value)
    }

    /// Whether two numbers are equal: exactly when both are exact, within tolerance otherwise.
    public func numbersEqual(_ x: NumericValue, _ y: NumericValue) -> Bool {
        if case .exact(let a) = x, case .exact(let b) = y { return a == b }
        let a = x.doubleValue, b = y.doubleValue
        if a == b { return true }
        guard a.isFinite, b.isFinite else { return false }
        let scale = Swift.max(Swift.abs(a), Swift.abs(b))
        return Swift.abs(a - b) <= Swift.max(relativeTolerance * scale, absoluteTolerance)
    }

    // MARK: Shapes

    func valuesEqual(_ a: AnswerValue, _ b: AnswerValue) -> Bool {
        switch (a, b) {
        case (.expression(let x), .expression(let y)):
            return termsEqual(x, y)
        case (.choice(let x), .choice(let y)), (.text(let x), .text(let y)):
            return x == y
        case (.equation(let l1, let r1), .equation(let l2, let r2)):
            if l1.isVariable && l2.isVariable { return termsEqual(r1, r2) }
            if termsEqual(l1, l2) && termsEqual(r1, r2) { return true }
            if termsEqual(l1, r2) && termsEqual(r1, l2) { return true }
            // `y - 2x = 1` against `y = 2x + 1`: the same zero set up to sign.
            let d1 = MathTerm(.subtract(l1.expression, r1.expression))
            let d2 = MathTerm(.subtract(l2.expression, r2.expression))
            return termsEqual(d1, d2) || termsEqual(d1, MathTerm(.negate(d2.expression)))
        case (.equation(let lhs, let rhs), let other), (let other, .equation(let lhs, let rhs)):
            if lhs.isVariable { return valuesEqual(.expression(rhs), other) }
            if rhs.isVariable { return valuesEqual(.expression(lhs), other) }
            return false
        case (.relation(let o1, let l1, let r1), .relation(let o2, let l2, let r2)):
            return o1 == o2 && termsEqual(l1, l2) && termsEqual(r1, r2)
        case (.tuple(let xs), .tuple(let ys)),
             (.list(let xs), .tuple(let ys)), (.tuple(let xs), .list(let ys)):
            return orderedEqual(xs, ys)
        case (.set(let xs), .set(let ys)), (.set(let xs), .list(let ys)),
             (.list(let xs), .set(let ys)), (.list(let xs), .list(let ys)):
            return unorderedEqual(xs, ys)
        case (.set(let xs), let other) where xs.count == 1, (let other, .set(let xs)) where xs.count == 1:
            return valuesEqual(xs[0], other)
        case (.interval(let i), .interval(let j)):
            return intervalsEqual(i, j)
        case (.tuple(let ends), .interval(let i)) where ends.count == 2,
             (.interval(let i), .tuple(let ends)) where ends.count == 2:
            guard !i.lowerClosed, !i.upperClosed,
                  case .expression(let lower) = ends[0], case .expression(let upper) = ends[1] else { return false }
            return termsEqual(lower, i.lower) && termsEqual(upper, i.upper)
        case (.union(let xs), .union(let ys)):
            return unorderedEqual(xs.map(AnswerValue.interval), ys.map(AnswerValue.interval))
        case (.union(let xs), let other) where xs.count == 1, (let other, .union(let xs)) where xs.count == 1:
            return valuesEqual(.interval(xs[0]), other)
        case (.matrix(let m), .matrix(let n)):
            guard m.count == n.count else { return false }
            for (rowM, rowN) in zip(m, n) {
                guard rowM.count == rowN.count else { return false }
                for (x, y) in zip(rowM, rowN) where !termsEqual(x, y) { return false }
            }
            return true
        case (.matrix(let m), .tuple(let xs)), (.tuple(let xs), .matrix(let m)):
            let cells = m.count == 1 ? m[0] : m.allSatisfy({ $0.count == 1 }) ? m.map { $0[0] } : []
            guard !cells.isEmpty else { return false }
            return orderedEqual(cells.map(AnswerValue.expression), xs)
        default:
            return false
        }
    }

    private func orderedEqual(_ xs: [AnswerValue], _ ys: [AnswerValue]) -> Bool {
        guard xs.count == ys.count else { return false }
        for (x, y) in zip(xs, ys) where !valuesEqual(x, y) { return false }
        return true
    }

    /// Multiset equality under `valuesEqual`, by greedy matching (answers hold few elements).
    private func unorderedEqual(_ xs: [AnswerValue], _ ys: [AnswerValue]) -> Bool {
        guard xs.count == ys.count else { return false }
        var used = [Bool](repeating: false, count: ys.count)
        outer: for x in xs {
            for (k, y) in ys.enumerated() where !used[k] && valuesEqual(x, y) {
                used[k] = true
                continue outer
            }
            return false
        }
        return true
    }

    private func intervalsEqual(_ i: AnswerInterval, _ j: AnswerInterval) -> Bool {
        i.lowerClosed == j.lowerClosed && i.upperClosed == j.upperClosed
            && termsEqual(i.lower, j.lower) && termsEqual(i.upper, j.upper)
    }

    // MARK: Terms

    /// Rationals given to variables: point `p` gives variable `k` the value `samplePoints[(p * 5 + k * 3) % 16]`,
    /// distinct for up to 16 variables, avoiding 0, ±1 and 2 where special cases hide differences.
    private static let samplePoints: [Rational] = [
        (3, 7), (11, 5), (-5, 3), (13, 4), (7, 9), (-17, 6), (19, 11), (5, 2),
        (-2, 9), (23, 7), (9, 13), (-7, 4), (29, 10), (4, 15), (-31, 12), (37, 8),
    ].map { Rational(unchecked: $0.0, $0.1) }

    private static let pointCount = 6

    /// Whether two terms are equal: by value when constant, as functions when they have variables,
    /// and by identical trees when evaluation cannot decide.
    func termsEqual(_ x: MathTerm, _ y: MathTerm) -> Bool {
        if x.variables.isEmpty && y.variables.isEmpty {
            if let a = x.value, let b = y.value { return numbersEqual(a, b) }
            return x.expression == y.expression
        }
        var names = x.variables
        for name in y.variables where !names.contains(name) { names.append(name) }
        var agreed = 0
        for point in 0..<Self.pointCount {
            var assignment = VariableAssignment()
            assignment.values.reserveCapacity(names.count)
            for (k, name) in names.enumerated() {
                assignment.values.append((name, .exact(Self.samplePoints[(point * 5 + k * 3) % 16])))
            }
            guard let a = x.expression.evaluate(assignment), let b = y.expression.evaluate(assignment) else {
                continue
            }
            if !numbersEqual(a, b) { return false }
            agreed += 1
        }
        return agreed >= 2 || x.expression == y.expression
    }
}
