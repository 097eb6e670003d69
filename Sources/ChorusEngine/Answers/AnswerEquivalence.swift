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
        let a = x.doubleValue
        let b = y.doubleValue
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
            if l1.isVariable && l2.isVariable && termsEqual(r1, r2) { return true }
            if termsEqual(l1, l2) && termsEqual(r1, r2) { return true }
            if termsEqual(l1, r2) && termsEqual(r1, l2) { return true }
            // `2x + 4y - 3 = 0` against `y = -\frac{1}{2}x + \frac{3}{4}`: the same zero set, up to a nonzero factor.
            return proportional(
                .subtract(l1.expression, r1.expression), .subtract(l2.expression, r2.expression),
                positive: false)
        case (.equation(let lhs, let rhs), let other), (let other, .equation(let lhs, let rhs)):
            if lhs.isVariable { return valuesEqual(.expression(rhs), other) }
            if rhs.isVariable { return valuesEqual(.expression(lhs), other) }
            return false
        case (.relation(let o1, let l1, let r1), .relation(let o2, let l2, let r2)):
            guard o1 == o2 else { return false }
            if termsEqual(l1, l2) && termsEqual(r1, r2) { return true }
            // `x < y` against `x - y < 0`: the same difference up to a positive factor.
            return proportional(
                .subtract(l1.expression, r1.expression), .subtract(l2.expression, r2.expression),
                positive: true)
        case (.ratio(let xs), .ratio(let ys)):
            return ratiosEqual(xs, ys)
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
                case .expression(let lower) = ends[0], case .expression(let upper) = ends[1]
            else { return false }
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

    /// Ratios with the same number of parts: proportional when every part is a nonzero number
    /// (`3:8` ≡ `6:16`), else part by part (so the time `12:00` ≢ `1:00`).
    private func ratiosEqual(_ xs: [MathTerm], _ ys: [MathTerm]) -> Bool {
        guard xs.count == ys.count else { return false }
        if let first = xs.first?.value, let other = ys.first?.value, first.doubleValue != 0, other.doubleValue != 0,
            xs.allSatisfy({ $0.value.map { $0.doubleValue != 0 } ?? false }),
            ys.allSatisfy({ $0.value.map { $0.doubleValue != 0 } ?? false })
        {
            for (x, y) in zip(xs, ys) {
                guard let a = x.value?.divided(by: first), let b = y.value?.divided(by: other),
                    numbersEqual(a, b)
                else { return false }
            }
            return true
        }
        for (x, y) in zip(xs, ys) where !termsEqual(x, y) { return false }
        return true
    }

    /// Whether `d1 = c · d2` for one nonzero constant `c` (positive when `positive`), checked at the
    /// sample points: two equations (as `lhs − rhs`) with the same solutions, or relations with the same sense.
    private func proportional(_ d1: MathExpression, _ d2: MathExpression, positive: Bool) -> Bool {
        let x = MathTerm(d1)
        let y = MathTerm(d2)
        var names = x.variables
        for name in y.variables where !names.contains(name) { names.append(name) }
        guard !names.isEmpty else { return false }
        var factor: NumericValue?
        var agreed = 0
        for point in 0..<Self.pointCount {
            var assignment = VariableAssignment()
            for (k, name) in names.enumerated() {
                assignment.values.append((name, .exact(Self.samplePoints[(point * 5 + k * 3) % 16])))
            }
            guard let a = d1.evaluate(assignment), let b = d2.evaluate(assignment) else { continue }
            let zero = NumericValue.exact(.zero)
            if numbersEqual(b, zero) {
                guard numbersEqual(a, zero) else { return false }
                continue
            }
            guard let ratio = a.divided(by: b) else { continue }
            if let factor {
                guard numbersEqual(ratio, factor) else { return false }
            } else {
                guard !numbersEqual(ratio, zero), !positive || ratio.doubleValue > 0 else { return false }
                factor = ratio
            }
            agreed += 1
        }
        return agreed >= 2
    }

    /// Whether a long decimal is `value` rounded (off by at most half a unit in its last place) or
    /// cut off (short of it in magnitude by less than one unit): `0.0833333333` and `0.6666666667` are
    /// `\frac{1}{12}` and `\frac{2}{3}`, but `0.142858` is not `\frac{1}{7}` (0.1428571…).
    private func withinLastPlace(decimal: NumericValue, _ value: NumericValue, _ place: Rational) -> Bool {
        let d = decimal.doubleValue
        let v = value.doubleValue
        guard (d < 0) == (v < 0) || d == 0 || v == 0 else { return false }
        if case .exact(let x) = decimal, case .exact(let y) = value,
            let shortfall = (y.numerator < 0 ? y.negated : y).subtracting(x.numerator < 0 ? x.negated : x),
            let twice = shortfall.multiplied(by: Rational(2)),
            let low = twice.adding(place), let high = place.subtracting(shortfall)
        {
            // −½·place ≤ shortfall < place
            return low.numerator >= 0 && high.numerator > 0
        }
        let shortfall = Swift.abs(v) - Swift.abs(d)
        let unit = place.doubleValue
        return shortfall >= -unit / 2 && shortfall < unit
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
            if let a = x.value, let b = y.value {
                if numbersEqual(a, b) { return true }
                if let place = x.lastPlace { return withinLastPlace(decimal: a, b, place) }
                if let place = y.lastPlace { return withinLastPlace(decimal: b, a, place) }
                return false
            }
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
