import Testing

@testable import ChorusEngine

@Suite struct NumericValueTests {
    @Test func fallsBackToDoubleOnOverflow() {
        let big = NumericValue.exact(Rational(Int.max / 2))
        let product = big.multiplied(by: .exact(Rational(4)))
        #expect(product?.exactValue == nil)
        #expect(product?.doubleValue == Double(Int.max / 2) * 4)
    }

    @Test func rationalPowersOfPerfectPowersStayExact() throws {
        let half = NumericValue.exact(try #require(Rational(1, 2)))
        #expect(NumericValue.exact(Rational(4)).raised(to: half) == .exact(Rational(2)))
        #expect(NumericValue.exact(Rational(2)).raised(to: half)?.exactValue == nil)
        #expect(NumericValue.exact(Rational(-4)).raised(to: half) == nil)
    }

    @Test func rootsAndFactorials() {
        #expect(NumericValue.exact(Rational(27)).root(.exact(Rational(3))) == .exact(Rational(3)))
        #expect(NumericValue.exact(Rational(-4)).root(.exact(Rational(2))) == nil)
        #expect(NumericValue.exact(Rational(5)).factorial == .exact(Rational(120)))
        #expect(NumericValue.exact(Rational(-1)).factorial == nil)
        #expect(NumericValue.exact(Rational(1)).divided(by: .exact(.zero)) == nil)
    }
}
