extension ArithmeticProblemGenerator {
    /// An exact fraction in lowest terms, so every generated answer is computed without floating point.
    struct Rational: Equatable, Sendable {
        let numerator: Int
        /// Always positive.
        let denominator: Int

        init(_ numerator: Int, _ denominator: Int = 1) {
            precondition(denominator != 0, "a fraction needs a non-zero denominator")
            let sign = denominator < 0 ? -1 : 1
            let divisor = Self.gcd(numerator, denominator)
            self.numerator = sign * numerator / divisor
            self.denominator = sign * denominator / divisor
        }

        static func gcd(_ first: Int, _ second: Int) -> Int {
            var (a, b) = (abs(first), abs(second))
            while b != 0 { (a, b) = (b, a % b) }
            return max(a, 1)
        }

        static func + (left: Rational, right: Rational) -> Rational {
            Rational(left.numerator * right.denominator + right.numerator * left.denominator, left.denominator * right.denominator)
        }

        static func - (left: Rational, right: Rational) -> Rational {
            Rational(left.numerator * right.denominator - right.numerator * left.denominator, left.denominator * right.denominator)
        }

        static func * (left: Rational, right: Rational) -> Rational {
            Rational(left.numerator * right.numerator, left.denominator * right.denominator)
        }

        static func / (left: Rational, right: Rational) -> Rational {
            Rational(left.numerator * right.denominator, left.denominator * right.numerator)
        }

        var isInteger: Bool { denominator == 1 }

        /// `3/4`, or `3` for a whole number.
        var fractionText: String {
            isInteger ? String(numerator) : "\(numerator)/\(denominator)"
        }

        /// The exact decimal with no trailing zeros (`2.5`, `0.125`, `7`), or nil when it does not terminate.
        var decimalText: String? {
            var rest = denominator
            var twos = 0
            var fives = 0
            while rest % 2 == 0 { rest /= 2; twos += 1 }
            while rest % 5 == 0 { rest /= 5; fives += 1 }
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
}
