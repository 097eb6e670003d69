import Testing

@testable import ChorusEngine

@Suite struct ArithmeticWordingTests {
    @Test func writesMoney() {
        #expect(ArithmeticWording.money(cents: 5) == "$0.05")
        #expect(ArithmeticWording.money(cents: 1050) == "$10.50")
        #expect(ArithmeticWording.money(cents: 4500) == "$45")
    }

    @Test func writesLists() {
        #expect(ArithmeticWording.list(["82", "90", "77", "85"]) == "82, 90, 77 and 85")
        #expect(ArithmeticWording.list(["1", "2"]) == "1 and 2")
        #expect(ArithmeticWording.list(["1"]) == "1")
    }

    @Test func twoNamesAreAlwaysDifferent() {
        var random = SplitMix64(seed: 3)
        for _ in 0..<500 {
            let (first, second) = ArithmeticWording.twoNames(&random)
            #expect(first != second)
        }
    }

    @Test func nounsAgreeWithCounts() {
        #expect(ArithmeticWording.noun(.init(1), "mile", "miles") == "mile")
        #expect(ArithmeticWording.noun(.exact(1, 2), "mile", "miles") == "miles")
        #expect(ArithmeticWording.word(for: 4) == "four")
    }
}
