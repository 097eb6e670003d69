import Testing

@testable import ChorusEngine

@Suite struct RationalTests {
    @Test func reducesToLowestTermsWithPositiveDenominator() throws {
        let r = try #require(Rational(6, -8))
        #expect(r.numerator == -3)
        #expect(r.denominator == 4)
        #expect(r.description == "-3/4")
    }

    @Test func rejectsZeroDenominator() {
        #expect(Rational(1, 0) == nil)
    }

    @Test func arithmeticIsExact() throws {
        let half = try #require(Rational(1, 2))
        let third = try #require(Rational(1, 3))
        #expect(half.adding(third) == Rational(5, 6))
        #expect(half.subtracting(third) == Rational(1, 6))
        #expect(half.multiplied(by: third) == Rational(1, 6))
        #expect(half.divided(by: third) == Rational(3, 2))
        #expect(half.divided(by: .zero) == nil)
    }

    @Test func overflowIsReportedNotTrapped() {
        let big = Rational(Int.max / 2 + 1)
        #expect(big.adding(big) == nil)
        #expect(big.multiplied(by: Rational(3)) == nil)
        #expect(Rational(10).power(30) == nil)
        #expect(Rational(10).power(18) == Rational(1_000_000_000_000_000_000))
    }

    @Test func powersAndRoots() throws {
        #expect(Rational(2).power(-2) == Rational(1, 4))
        #expect(Rational.zero.power(-1) == nil)
        let r = try #require(Rational(8, 27))
        #expect(r.exactRoot(3) == Rational(2, 3))
        #expect(Rational(2).exactRoot(2) == nil)
        #expect(Rational(-8).exactRoot(3) == Rational(-2))
        #expect(Rational(-4).exactRoot(2) == nil)
    }
}
