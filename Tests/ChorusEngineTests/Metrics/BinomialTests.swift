import Testing

@testable import ChorusEngine

@Suite struct BinomialTests {
    @Test func smallCoefficients() {
        #expect(Binomial.coefficient(5, 2) == 10)
        #expect(Binomial.coefficient(10, 0) == 1)
        #expect(Binomial.coefficient(10, 10) == 1)
        #expect(Binomial.coefficient(52, 5) == 2_598_960)
        // Past 2^53 the value is the nearest double: relative error within a few ulps.
        #expect(abs(Binomial.coefficient(64, 32) / 1.832_624_140_942_590_534e18 - 1) < 1e-14)
    }

    @Test func outsideTheTriangleIsZero() {
        #expect(Binomial.coefficient(3, 4) == 0)
        #expect(Binomial.coefficient(3, -1) == 0)
    }
}
