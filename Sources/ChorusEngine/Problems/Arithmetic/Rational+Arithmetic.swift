/// Exact arithmetic for the word-problem generator, which builds its answers from small numbers:
/// an overflow there is a bug in a template, so these operations trap instead of returning nil.
extension Rational {
    /// `numerator / denominator` in lowest terms; traps on a zero denominator.
    static func exact(_ numerator: Int, _ denominator: Int) -> Rational {
        guard let value = Rational(numerator, denominator) else {
            preconditionFailure("\(numerator)/\(denominator) is not a fraction the generator can use")
        }
        return value
    }

    /// The sum; traps on overflow.
    static func + (left: Rational, right: Rational) -> Rational {
        exactly(left.adding(right), "sum")
    }

    /// The difference; traps on overflow.
    static func - (left: Rational, right: Rational) -> Rational {
        exactly(left.subtracting(right), "difference")
    }

    /// The product; traps on overflow.
    static func * (left: Rational, right: Rational) -> Rational {
        exactly(left.multiplied(by: right), "product")
    }

    /// The quotient; traps on overflow or division by zero.
    static func / (left: Rational, right: Rational) -> Rational {
        exactly(left.divided(by: right), "quotient")
    }

    private static func exactly(_ value: Rational?, _ operation: String) -> Rational {
        guard let value else { preconditionFailure("a generated \(operation) overflowed") }
        return value
    }

    /// The exact decimal with no trailing zeros (`2.5`, `0.125`, `7`), or nil when it does not terminate.
    var decimalText: String? {
        var rest = denominator
        var twos = 0
        var fives = 0
        while rest % 2 == 0 {
            rest /= 2
            twos += 1
        }
        while rest % 5 == 0 {
            rest /= 5
            fives += 1
        }
        guard rest == 1 else { return nil }
        let places = max(twos, fives)
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        var digits = String(abs(numerator) * scale / denominator)
        if digits.count <= places {
            digits = String(repeating: "0", count: places - digits.count + 1) + digits
        }
        var text = places == 0 ? digits : String(digits.dropLast(places)) + "." + String(digits.suffix(places))
        if places > 0 {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return (numerator < 0 ? "-" : "") + text
    }
}
