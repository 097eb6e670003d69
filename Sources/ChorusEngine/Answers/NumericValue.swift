import Foundation

/// A number met while evaluating an answer: exact while the arithmetic stays rational, a `Double` after.
public enum NumericValue: Sendable, Hashable {
    /// An exact rational value.
    case exact(Rational)
    /// An approximate value (irrational results, overflow, or very large literals).
    case approximate(Double)

    /// The value as a `Double`.
    public var doubleValue: Double {
        switch self {
        case .exact(let r): r.doubleValue
        case .approximate(let d): d
        }
    }

    /// The exact value, when there is one.
    public var exactValue: Rational? {
        if case .exact(let r) = self { return r }
        return nil
    }

    /// Wraps a `Double`, rejecting NaN (a failed evaluation).
    static func approximate(checking value: Double) -> NumericValue? {
        value.isNaN ? nil : .approximate(value)
    }

    /// The sum.
    func adding(_ other: NumericValue) -> NumericValue? {
        if case .exact(let a) = self, case .exact(let b) = other, let sum = a.adding(b) { return .exact(sum) }
        return .approximate(checking: doubleValue + other.doubleValue)
    }

    /// The difference.
    func subtracting(_ other: NumericValue) -> NumericValue? {
        adding(other.negated)
    }

    /// The product.
    func multiplied(by other: NumericValue) -> NumericValue? {
        if case .exact(let a) = self, case .exact(let b) = other, let product = a.multiplied(by: b) {
            return .exact(product)
        }
        return .approximate(checking: doubleValue * other.doubleValue)
    }

    /// The quotient; `nil` when dividing by zero.
    func divided(by other: NumericValue) -> NumericValue? {
        if other.doubleValue == 0 { return nil }
        if case .exact(let a) = self, case .exact(let b) = other, let quotient = a.divided(by: b) {
            return .exact(quotient)
        }
        return .approximate(checking: doubleValue / other.doubleValue)
    }

    /// The negated value.
    var negated: NumericValue {
        switch self {
        case .exact(let r): .exact(r.negated)
        case .approximate(let d): .approximate(-d)
        }
    }

    /// `self ^ exponent`, exact for whole exponents and for rational exponents of perfect powers.
    func raised(to exponent: NumericValue) -> NumericValue? {
        if case .exact(let base) = self, case .exact(let power) = exponent {
            if power.isInteger, power.numerator.magnitude <= 4096, let result = base.power(power.numerator) {
                return .exact(result)
            }
            if !power.isInteger, power.denominator <= 64, power.numerator.magnitude <= 4096,
                let root = base.exactRoot(power.denominator), let result = root.power(power.numerator)
            {
                return .exact(result)
            }
            if base.numerator < 0, !power.isInteger { return nil }
        }
        let base = doubleValue
        let power = exponent.doubleValue
        if base == 0 && power < 0 { return nil }
        return .approximate(checking: pow(base, power))
    }

    /// The `index`-th root; exact for perfect powers, real odd roots of negatives, `nil` for even roots of negatives.
    func root(_ index: NumericValue) -> NumericValue? {
        guard case .exact(let n) = index, n.isInteger, n.numerator >= 1 else {
            let i = index.doubleValue
            guard i != 0, doubleValue >= 0 else { return nil }
            return .approximate(checking: pow(doubleValue, 1 / i))
        }
        let degree = n.numerator
        if case .exact(let r) = self, degree <= 64, let root = r.exactRoot(degree) { return .exact(root) }
        let value = doubleValue
        if value < 0 {
            guard degree % 2 == 1 else { return nil }
            return .approximate(checking: -pow(-value, 1 / Double(degree)))
        }
        return .approximate(checking: degree == 2 ? value.squareRoot() : pow(value, 1 / Double(degree)))
    }

    /// `n!` for whole `n`: exact up to 20!, approximate up to 170!, `nil` otherwise.
    var factorial: NumericValue? {
        guard case .exact(let r) = self, r.isInteger, r.numerator >= 0, r.numerator <= 170 else { return nil }
        if r.numerator <= 20 {
            var product = 1
            for k in stride(from: 2, through: r.numerator, by: 1) { product *= k }
            return .exact(Rational(product))
        }
        var product = 1.0
        for k in 2...r.numerator { product *= Double(k) }
        return .approximate(product)
    }
}
