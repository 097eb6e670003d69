import Foundation

/// An exact fraction of machine integers, kept in lowest terms with a positive denominator.
///
/// Every operation that could overflow returns `nil` instead of trapping, so callers can fall
/// back to `Double`. `Int.min` is never stored, so negation is always safe.
public struct Rational: Sendable, Hashable, CustomStringConvertible {
    /// The numerator, carrying the sign.
    public let numerator: Int
    /// The denominator, always positive.
    public let denominator: Int

    /// Zero.
    public static let zero = Rational(unchecked: 0, 1)
    /// One.
    public static let one = Rational(unchecked: 1, 1)

    init(unchecked numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The integer `value`.
    public init(_ value: Int) {
        self.init(unchecked: value == Int.min ? Int.min + 1 : value, 1)
    }

    /// `numerator / denominator` in lowest terms; `nil` for a zero denominator or an unrepresentable value.
    public init?(_ numerator: Int, _ denominator: Int) {
        guard denominator != 0, numerator != Int.min, denominator != Int.min else { return nil }
        let divisor = Rational.gcd(numerator, denominator)
        var top = numerator / divisor
        var bottom = denominator / divisor
        if bottom < 0 {
            top = -top
            bottom = -bottom
        }
        self.init(unchecked: top, bottom)
    }

    /// The greatest common divisor of the magnitudes (1 when both are zero).
    static func gcd(_ a: Int, _ b: Int) -> Int {
        var x = a.magnitude
        var y = b.magnitude
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : Int(x)
    }

    /// Whether the value is a whole number.
    public var isInteger: Bool { denominator == 1 }

    /// The nearest `Double`.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// `n` for whole numbers, `n/d` otherwise.
    public var description: String {
        isInteger ? String(numerator) : "\(numerator)/\(denominator)"
    }

    /// The negated value.
    public var negated: Rational { Rational(unchecked: -numerator, denominator) }

    /// The sum, or `nil` on overflow.
    public func adding(_ other: Rational) -> Rational? {
        if denominator == 1 && other.denominator == 1 {
            let (sum, overflow) = numerator.addingReportingOverflow(other.numerator)
            return overflow || sum == Int.min ? nil : Rational(unchecked: sum, 1)
        }
        let g = Rational.gcd(denominator, other.denominator)
        let (left, o1) = numerator.multipliedReportingOverflow(by: other.denominator / g)
        let (right, o2) = other.numerator.multipliedReportingOverflow(by: denominator / g)
        let (top, o3) = left.addingReportingOverflow(right)
        let (bottom, o4) = (denominator / g).multipliedReportingOverflow(by: other.denominator)
        guard !(o1 || o2 || o3 || o4) else { return nil }
        return Rational(top, bottom)
    }

    /// The difference, or `nil` on overflow.
    public func subtracting(_ other: Rational) -> Rational? {
        adding(other.negated)
    }

    /// The product, or `nil` on overflow.
    public func multiplied(by other: Rational) -> Rational? {
        let g1 = Rational.gcd(numerator, other.denominator)
        let g2 = Rational.gcd(other.numerator, denominator)
        let (top, o1) = (numerator / g1).multipliedReportingOverflow(by: other.numerator / g2)
        let (bottom, o2) = (denominator / g2).multipliedReportingOverflow(by: other.denominator / g1)
        guard !(o1 || o2), top != Int.min else { return nil }
        return Rational(unchecked: top, bottom)
    }

    /// The quotient, or `nil` on division by zero or overflow.
    public func divided(by other: Rational) -> Rational? {
        guard let inverse = other.reciprocal else { return nil }
        return multiplied(by: inverse)
    }

    /// `1 / self`, or `nil` for zero.
    public var reciprocal: Rational? {
        guard numerator != 0 else { return nil }
        return numerator < 0
            ? Rational(unchecked: -denominator, -numerator)
            : Rational(unchecked: denominator, numerator)
    }

    /// `self` raised to a whole power, or `nil` on overflow or `0` to a negative power.
    public func power(_ exponent: Int) -> Rational? {
        if exponent < 0 {
            guard exponent != Int.min, let inverse = reciprocal else { return nil }
            return inverse.power(-exponent)
        }
        var result = Rational.one
        var base = self
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 {
                guard let next = result.multiplied(by: base) else { return nil }
                result = next
            }
            remaining >>= 1
            if remaining > 0 {
                guard let squared = base.multiplied(by: base) else { return nil }
                base = squared
            }
        }
        return result
    }

    /// The exact `index`-th root when numerator and denominator are both perfect powers, else `nil`.
    public func exactRoot(_ index: Int) -> Rational? {
        guard index >= 1 else { return nil }
        if index == 1 { return self }
        if numerator < 0 {
            guard index % 2 == 1, let root = negated.exactRoot(index) else { return nil }
            return root.negated
        }
        guard let top = Rational.integerRoot(numerator, index),
            let bottom = Rational.integerRoot(denominator, index)
        else { return nil }
        return Rational(unchecked: top, bottom)
    }

    /// The whole `index`-th root of a non-negative integer, if it has one.
    static func integerRoot(_ value: Int, _ index: Int) -> Int? {
        if value < 2 { return value }
        let estimate = Int(pow(Double(value), 1 / Double(index)).rounded())
        for candidate in max(estimate - 1, 0)...(estimate + 1) {
            if let powered = Rational(candidate).power(index), powered.numerator == value {
                return candidate
            }
        }
        return nil
    }
}
