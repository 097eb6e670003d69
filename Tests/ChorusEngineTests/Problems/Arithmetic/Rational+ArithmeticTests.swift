import Testing

@testable import ChorusEngine

@Suite struct RationalArithmeticTests {
    @Test func reducesAndKeepsTheDenominatorPositive() {
        #expect(Rational.exact(6, 8) == Rational.exact(3, 4))
        #expect(Rational.exact(3, -4).numerator == -3 && Rational.exact(3, -4).denominator == 4)
        #expect(Rational.exact(0, 5) == Rational(0))
    }

    @Test func arithmeticIsExact() {
        #expect(Rational.exact(1, 3) + Rational.exact(1, 6) == Rational.exact(1, 2))
        #expect(Rational(1) - Rational.exact(5, 6) == Rational.exact(1, 6))
        #expect(Rational(44) * Rational.exact(15, 60) == Rational(11))
        #expect(Rational(1) / (Rational.exact(1, 8) + Rational.exact(1, 3)) == Rational.exact(24, 11))
    }

    @Test func agreesWithTheAnswersArithmetic() {
        let pairs = [(Rational.exact(7, 12), Rational.exact(-5, 18)), (Rational(9), Rational.exact(2, 3))]
        for (left, right) in pairs {
            #expect(left + right == left.adding(right))
            #expect(left - right == left.subtracting(right))
            #expect(left * right == left.multiplied(by: right))
            #expect(left / right == left.divided(by: right))
        }
    }

    @Test func writesFractionsAndDecimals() {
        #expect(Rational.exact(24, 11).description == "24/11")
        #expect(Rational.exact(10, 2).description == "5")
        #expect(Rational.exact(5, 2).decimalText == "2.5")
        #expect(Rational.exact(1, 8).decimalText == "0.125")
        #expect(Rational.exact(1, 20).decimalText == "0.05")
        #expect(Rational.exact(-3, 4).decimalText == "-0.75")
        #expect(Rational.exact(1050, 100).decimalText == "10.5")
        #expect(Rational(300).decimalText == "300")
        #expect(Rational(0).decimalText == "0")
        #expect(Rational.exact(1, 3).decimalText == nil)
        #expect(Rational.exact(1, 6).decimalText == nil)
    }

    @Test func answerFormsWriteTheValue() {
        #expect(ArithmeticAnswerForm.integer.text(for: Rational(42)) == "42")
        #expect(ArithmeticAnswerForm.fraction.text(for: Rational.exact(10, 24)) == "5/12")
        #expect(ArithmeticAnswerForm.decimal.text(for: Rational.exact(1275, 100)) == "12.75")
    }
}
