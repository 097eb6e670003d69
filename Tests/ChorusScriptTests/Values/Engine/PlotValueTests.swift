import ChorusEngine
import Testing

@testable import ChorusScript

@Suite struct PlotValueTests {
    static let output = PlotOutput(
        title: "t", svg: "<svg/>",
        table: DataTable(
            columns: [TableColumn("line"), TableColumn("acc")], rows: [[.text("s pass@k"), .number(0.5)]]),
        file: "p.svg")

    @Test func itsOutputIsOnePlotPart() {
        let value = PlotValue(Self.output)
        #expect(value.outputParts == [.plot(Self.output)])
        #expect(value.rendering == "line      acc\n--------  ---\ns pass@k  0.5")
        #expect(value.isEqual(to: PlotValue(Self.output)))
        #expect(!value.isEqual(to: TableValue(Self.output.table)))
    }

    @Test func itReadsLikeItsTableWithTheFigureBeside() {
        let value = PlotValue(Self.output)
        #expect(value.memberNames == ["rows", "columns", "count", "notes", "svg", "title", "file"])
        #expect(value.member("count") == .int(1))
        #expect(value.member("svg") == .string("<svg/>"))
        #expect(value.member("file") == .string("p.svg"))
        #expect(value.element(at: 0) == TableValue(Self.output.table).element(at: 0))
        #expect(PlotValue(PlotOutput(title: "t", svg: "", table: Self.output.table)).member("file") == Value.none)
    }
}
