import Testing

@testable import ChorusEngine

@Suite struct PlotAxisTests {
    @Test func kWithinADecadeStaysLinearWithATickPerK() {
        let axis = PlotAxis(values: [1, 2, 4, 8, 4], log: nil, integerTicks: true)
        #expect(!axis.isLog)
        #expect(axis.ticks.map(\.label) == ["1", "2", "4", "8"])
        // A small margin each side keeps the end points off the frame.
        #expect(axis.fraction(1) > 0 && axis.fraction(1) < 0.05 && abs(axis.fraction(1) + axis.fraction(8) - 1) < 1e-12)
        #expect(abs(axis.fraction(4.5) - 0.5) < 1e-12)
    }

    @Test func moreThanADecadeIsLogScaledEvenly() {
        let axis = PlotAxis(values: [1, 2, 4, 8, 16, 32, 64], log: nil, integerTicks: true)
        #expect(axis.isLog)
        #expect(abs(axis.fraction(8) - 0.5) < 1e-12)
        #expect(abs(axis.fraction(2) - axis.fraction(1) - (axis.fraction(64) - axis.fraction(32))) < 1e-12)
    }

    @Test func logTokenTicksAreOneTwoFivePerDecade() {
        let axis = PlotAxis(values: [100, 740, 10_000], log: nil, integerTicks: false)
        #expect(axis.isLog)
        #expect(axis.ticks.map(\.label) == ["100", "200", "500", "1000", "2000", "5000", "10k"])
        let wide = PlotAxis(values: [10, 2_000_000], log: true, integerTicks: false)
        #expect(wide.ticks.map(\.label) == ["10", "100", "1000", "10k", "100k", "1M"])
    }

    @Test func theChoiceCanBeForced() {
        let linear = PlotAxis(values: [1, 64], log: false, integerTicks: true)
        #expect(!linear.isLog && abs(linear.fraction(32.5) - 0.5) < 1e-12)
        #expect(PlotAxis(values: [1, 8], log: true, integerTicks: true).isLog)
        let tokens = PlotAxis(values: [275, 2197], log: nil, integerTicks: false)
        #expect(!tokens.isLog)
        #expect(tokens.ticks.map(\.value) == [500, 1000, 1500, 2000])
    }

    @Test func oneValueSitsInTheMiddle() {
        let axis = PlotAxis(values: [4, 4], log: nil, integerTicks: true)
        #expect(axis.fraction(4) == 0.5)
        #expect(axis.ticks.map(\.label) == ["4"])
        #expect(abs(PlotAxis(values: [300], log: true, integerTicks: false).fraction(300) - 0.5) < 1e-12)
    }
}
