import ChorusEngine
import Testing

@Suite("NumberFormatting")
struct NumberFormattingTests {
    @Test(
        "shortest",
        arguments: [
            (0.7, "0.7"),
            (3.0, "3.0"),
            (1e-6, "1e-06"),
            (-2.5, "-2.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e20, "1e+20"),
            (0.0, "0.0"),
            (Double.nan, "nan"),
            (Double.infinity, "inf"),
            (-Double.infinity, "-inf"),
        ])
    func shortest(value: Double, expected: String) {
        #expect(NumberFormatting.shortest(value) == expected)
    }

    @Test func shortestReadsBack() {
        for value in [0.7, 1.0 / 3.0, 2.0 / 3.0, 1e-300, 123_456.789, .leastNonzeroMagnitude] {
            #expect(Double(NumberFormatting.shortest(value)) == value)
        }
    }

    @Test(
        "duration",
        arguments: [
            (0.0, "0 ms"),
            (0.0004, "0 ms"),
            (0.0005, "1 ms"),
            (0.85, "850 ms"),
            (0.999, "999 ms"),
            (1.0, "1.00 s"),
            (1.25, "1.25 s"),
            (59.5, "59.50 s"),
            (60.0, "1 min 00 s"),
            (125.0, "2 min 05 s"),
            (599.4, "9 min 59 s"),
            (3599.0, "59 min 59 s"),
            (3600.0, "1 h 00 min"),
            (3720.0, "1 h 02 min"),
            (86_400.0 * 2 + 60, "48 h 01 min"),
        ])
    func duration(seconds: Double, expected: String) {
        #expect(NumberFormatting.duration(seconds: seconds) == expected)
    }

    @Test func durationOfNonsense() {
        #expect(NumberFormatting.duration(seconds: -1) == "–")
        #expect(NumberFormatting.duration(seconds: .nan) == "–")
        #expect(NumberFormatting.duration(seconds: .infinity) == "–")
    }

    @Test func durationRoundsAcrossUnits() {
        #expect(NumberFormatting.duration(seconds: 0.9996) == "1.00 s")
        #expect(NumberFormatting.duration(seconds: 59.996) == "1 min 00 s")
    }

    @Test(
        "fixed",
        arguments: [
            (3.0, 2, "3.00"),
            (0.125, 2, "0.13"),
            (2.5, 0, "3"),
            (-2.5, 0, "-3"),
            (1.5, 0, "2"),
            (0.05, 2, "0.05"),
            (0.999, 2, "1.00"),
            (12.345678, 3, "12.346"),
            (-1.25, 1, "-1.3"),
            (0.004, 2, "0.00"),
            (-0.004, 2, "0.00"),
            (-0.0, 1, "0.0"),
            (100.0, 1, "100.0"),
            (0.5, 4, "0.5000"),
            (7.0, 0, "7"),
        ])
    func fixed(value: Double, digits: Int, expected: String) {
        #expect(NumberFormatting.fixed(value, digits: digits) == expected)
    }

    @Test func fixedOfNonFiniteValues() {
        #expect(NumberFormatting.fixed(.nan, digits: 2) == "nan")
        #expect(NumberFormatting.fixed(.infinity, digits: 2) == "inf")
        #expect(NumberFormatting.fixed(-.infinity, digits: 0) == "-inf")
    }

    @Test func fixedOfHugeValues() {
        #expect(NumberFormatting.fixed(1e19, digits: 0) == "10000000000000000000")
    }
}
