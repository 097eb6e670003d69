import Testing

@testable import ChorusEngine

@Suite struct TextPlotTests {
    @Test func oneRowPerPointWithItsIntervalAndABar() throws {
        let set = try ScalingCurvesTests.graded()
        let vote = try MajorityVote(k: 4).run(on: set, name: "maj@4")
        let curves = try ScalingCurvesTests.curves([.curves(set, ks: [1, 4]), .result(vote)])
        let table = TextPlot.table(curves, barWidth: 4)
        #expect(
            table.rows.map { $0[0] } == ["s pass@k", "s pass@k", "s maj@k", "s maj@k", "maj@4"].map(TableCell.text))
        #expect(table.rows.map { $0[1] } == [1, 4, 1, 4, 4].map(TableCell.int))
        #expect(table.rows.map { $0[2] } == [25, 100, 25, 100, 100].map(TableCell.number))
        #expect(table.rows.map { $0[3] } == [25, 50, 25, 50, 50].map(TableCell.number))
        #expect(table.rows.last?.last == .text("██··"))
        let points = curves.series.flatMap(\.points)
        #expect(
            table.rows.map { $0[4] }
                == points.map { .interval(lower: $0.estimate.lower * 100, upper: $0.estimate.upper * 100) })
        #expect(table.notes == curves.notes)
    }

    @Test func theTokensColumnIsLeftOutWhenNothingHasACost() throws {
        let curves = try ScalingCurvesTests.curves([.curves(ScalingCurvesTests.graded(costed: false), ks: [1, 2])])
        #expect(TextPlot.table(curves).columns.map(\.key) == ["line", "k", "acc", "ci", "bar"])
    }
}
