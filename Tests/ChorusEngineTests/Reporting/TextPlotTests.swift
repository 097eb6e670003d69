import Testing

@testable import ChorusEngine

@Suite struct TextPlotTests {
    @Test func oneRowPerPointWithABar() throws {
        let curves = try ScalingCurves([ScalingCurvesTests.graded()], ks: [1, 4])
        #expect(
            TextPlot.table(curves, barWidth: 4).rendered == """
                line      k  acc %
                --------  -  -----  ----
                s pass@k  1  25.0   █···
                s pass@k  4  50.0   ██··
                s maj@k   1  25.0   █···
                s maj@k   4  50.0   ██··

                """)
    }
}
