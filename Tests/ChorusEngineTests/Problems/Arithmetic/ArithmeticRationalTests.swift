import Testing
@testable import ChorusEngine

@Suite struct ArithmeticRationalTests {
    typealias Rational = ArithmeticProblemGenerator.Rational

    @Test func reducesAndKeepsTheDenominatorPositive() {
        #expect(Rational(6, 8) == Rational(3, 4))
        #expect(Rational(3, -4).numerator == -3 && Rational(3, -4).denominator == 4)
        #expect(Rational(0, 5) == Rational(0))
    }

    @Test func arithmeticIsExact() {
        #expect(Rational(1, 3) + Rational(1, 6) == Rational(1, 2))
        #expect(Rational(1) - Rational(5, 6) == Rational(1, 6))
        #expect(Rational(44) * Rational(15, 60) == Rational(11))
        #expect(Rational(1) / (Rational(1, 8) + Rational(1, 3)) == Rational(24, 11))
    }

    @Test func writesFractionsAndDecimals() {
        #expect(Rational(24, 11).fractionText == "24/11")
        #expect(Rational(10, 2).fractionText == "5")
        #expect(Rational(5, 2).decimalText == "2.5")
        #expect(Rational(1, 8).decimalText == "0.125")
        #expect(Rational(1, 20).decimalText == "0.05")
        #expect(Rational(-3, 4).decimalText == "-0.75")
        #expect(Rational(1050, 100).decimalText == "10.5")
        #expect(Rational(300).decimalText == "300")
        #expect(Rational(0).decimalText == "0")
        #expect(Rational(1, 3).decimalText == nil)
        #expect(Rational(1, 6).decimalText == nil)
    }

    @Test func answerFormsWriteTheValue() {
        #expect(ArithmeticAnswerForm.integer.text(for: Rational(42)) == "42")
        #expect(ArithmeticAnswerForm.fraction.text(for: Rational(10, 24)) == "5/12")
        #expect(ArithmeticAnswerForm.decimal.text(for: Rational(1275, 100)) == "12.75")
    }
}
