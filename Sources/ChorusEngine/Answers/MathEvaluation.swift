import Foundation

/// Values for the free variables of an expression, looked up by name (answers have few variables).
struct VariableAssignment: Sendable {
    /// Name and value pairs.
    var values: [(String, NumericValue)] = []

    /// The value bound to `name`.
    func value(of name: String) -> NumericValue? {
        for (key, value) in values where key == name { return value }
        return nil
    }
}

extension MathExpression {
    /// The value of the expression, exact while it stays rational; `nil` when it has none
    /// (an unbound variable, division by zero, an even root of a negative, a container).
    func evaluate(_ assignment: VariableAssignment = VariableAssignment()) -> NumericValue? {
        switch self {
        case .number(let r): return .exact(r)
        case .real(let d): return .approximate(d)
        case .constant(let c):
            switch c {
            case .pi: return .approximate(Double.pi)
            case .e: return .approximate(M_E)
            case .infinity: return .approximate(.infinity)
            }
        case .variable(let name): return assignment.value(of: name)
        case .add(let a, let b):
            guard let x = a.evaluate(assignment), let y = b.evaluate(assignment) else { return nil }
            return x.adding(y)
        case .subtract(let a, let b):
            guard let x = a.evaluate(assignment), let y = b.evaluate(assignment) else { return nil }
            return x.subtracting(y)
        case .multiply(let a, let b):
            guard let x = a.evaluate(assignment), let y = b.evaluate(assignment) else { return nil }
            return x.multiplied(by: y)
        case .divide(let a, let b):
            guard let x = a.evaluate(assignment), let y = b.evaluate(assignment) else { return nil }
            return x.divided(by: y)
        case .power(let a, let b):
            guard let x = a.evaluate(assignment), let y = b.evaluate(assignment) else { return nil }
            return x.raised(to: y)
        case .negate(let a):
            return a.evaluate(assignment)?.negated
        case .root(let index, let radicand):
            guard let n = index.evaluate(assignment), let x = radicand.evaluate(assignment) else { return nil }
            return x.root(n)
        case .factorial(let a):
            return a.evaluate(assignment)?.factorial
        case .percent(let a):
            return a.evaluate(assignment)?.divided(by: .exact(Rational(100)))
        case .function(let f, let a):
            guard let x = a.evaluate(assignment) else { return nil }
            return Self.apply(f, x)
        case .plusMinus, .tuple, .set, .list, .interval, .union, .matrix, .relation, .ratio:
            return nil
        }
    }

    private static func apply(_ function: MathFunction, _ value: NumericValue) -> NumericValue? {
        if function == .abs {
            switch value {
            case .exact(let r): return .exact(r.numerator < 0 ? r.negated : r)
            case .approximate(let d): return .approximate(Swift.abs(d))
            }
        }
        let x = value.doubleValue
        if x == 0 {
            switch function {
            case .sin, .tan, .arcsin, .arctan, .sinh, .tanh: return .exact(.zero)
            case .cos, .cosh, .exp, .sec: return .exact(.one)
            default: break
            }
        }
        if x == 1, function == .ln || function == .log { return .exact(.zero) }
        let result: Double
        switch function {
        case .sin: result = sin(x)
        case .cos: result = cos(x)
        case .tan: result = tan(x)
        case .cot: result = 1 / tan(x)
        case .sec: result = 1 / cos(x)
        case .csc: result = 1 / sin(x)
        case .arcsin: result = asin(x)
        case .arccos: result = acos(x)
        case .arctan: result = atan(x)
        case .sinh: result = sinh(x)
        case .cosh: result = cosh(x)
        case .tanh: result = tanh(x)
        case .ln: result = x > 0 ? log(x) : .nan
        case .log: result = x > 0 ? log10(x) : .nan
        case .exp: result = exp(x)
        case .abs: result = Swift.abs(x)
        }
        guard result.isFinite else { return nil }
        return .approximate(result)
    }

    /// Adds the names of the free variables to `names` (sorted, without repeats).
    func collectVariables(into names: inout [String]) {
        switch self {
        case .number, .real, .constant: return
        case .variable(let name):
            var low = 0
            var high = names.count
            while low < high {
                let mid = (low + high) / 2
                if names[mid] < name { low = mid + 1 } else { high = mid }
            }
            if low == names.count || names[low] != name { names.insert(name, at: low) }
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b),
            .power(let a, let b), .plusMinus(let a, let b), .relation(_, let a, let b):
            a.collectVariables(into: &names)
            b.collectVariables(into: &names)
        case .root(let a, let b), .interval(let a, let b, _, _):
            a.collectVariables(into: &names)
            b.collectVariables(into: &names)
        case .negate(let a), .factorial(let a), .percent(let a), .function(_, let a):
            a.collectVariables(into: &names)
        case .tuple(let items), .set(let items), .list(let items), .union(let items), .ratio(let items):
            for item in items { item.collectVariables(into: &names) }
        case .matrix(let rows):
            for row in rows { for cell in row { cell.collectVariables(into: &names) } }
        }
    }

    /// Every choice of sign for each `±`: `1 \pm 2` gives `[1 + 2, 1 - 2]` (at most 16 expansions).
    func expandingPlusMinus() -> [MathExpression] {
        switch self {
        case .plusMinus(let a, let b):
            var result: [MathExpression] = []
            for left in a.expandingPlusMinus() {
                for right in b.expandingPlusMinus() {
                    if case .number(let zero) = left, zero == .zero {
                        result.append(right)
                        result.append(.negate(right))
                    } else {
                        result.append(.add(left, right))
                        result.append(.subtract(left, right))
                    }
                }
            }
            return Array(result.prefix(16))
        case .add(let a, let b): return Self.combine(a, b, MathExpression.add)
        case .subtract(let a, let b): return Self.combine(a, b, MathExpression.subtract)
        case .multiply(let a, let b): return Self.combine(a, b, MathExpression.multiply)
        case .divide(let a, let b): return Self.combine(a, b, MathExpression.divide)
        case .power(let a, let b): return Self.combine(a, b, MathExpression.power)
        case .negate(let a): return a.expandingPlusMinus().map { .negate($0) }
        case .root(let a, let b): return Self.combine(a, b) { .root(index: $0, radicand: $1) }
        case .function(let f, let a): return a.expandingPlusMinus().map { .function(f, $0) }
        default: return [self]
        }
    }

    private static func combine(
        _ a: MathExpression, _ b: MathExpression,
        _ make: (MathExpression, MathExpression) -> MathExpression
    ) -> [MathExpression] {
        let lefts = a.expandingPlusMinus()
        let rights = b.expandingPlusMinus()
        if lefts.count == 1 && rights.count == 1 { return [make(lefts[0], rights[0])] }
        var result: [MathExpression] = []
        for left in lefts { for right in rights { result.append(make(left, right)) } }
        return Array(result.prefix(16))
    }

    /// Whether a `±` occurs anywhere in the arithmetic.
    var containsPlusMinus: Bool {
        switch self {
        case .plusMinus: return true
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b),
            .power(let a, let b), .root(let a, let b):
            return a.containsPlusMinus || b.containsPlusMinus
        case .negate(let a), .function(_, let a), .factorial(let a), .percent(let a): return a.containsPlusMinus
        default: return false
        }
    }
}
