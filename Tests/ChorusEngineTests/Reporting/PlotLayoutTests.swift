import Testing

@testable import ChorusEngine

@Suite struct PlotLayoutTests {
    /// Every legend line ends inside the document, and below the title.
    static func expectInside(_ layout: PlotLayout) {
        for entry in layout.legend {
            #expect(entry.x >= 0)
            for (index, line) in entry.lines.enumerated() {
                #expect(entry.textX + TextMetrics.width(line, fontSize: PlotLayout.fontSize) <= layout.width)
                #expect(entry.y + 4 + Double(index) * PlotLayout.lineHeight <= layout.height)
            }
        }
        for line in layout.title {
            #expect(layout.plot.x + TextMetrics.width(line.text, fontSize: PlotLayout.titleFontSize) <= layout.width)
            #expect(line.y < layout.plot.y)
        }
    }

    @Test func shortLabelsSitBesideThePlot() {
        let layout = PlotLayout(title: "Accuracy", labels: ["s pass@k", "s maj@k", "95% interval"])
        #expect(!layout.legendIsBelow)
        #expect(layout.legend.allSatisfy { $0.x > layout.plot.x + layout.plot.width })
        #expect(layout.height == layout.plot.y + layout.plot.height + 50)
        Self.expectInside(layout)
    }

    @Test func longLabelsMoveBelowAndWrapWithoutClipping() {
        let long = "qwen2.5-coder-0.5b-instruct samples at temperature 0.7, seed 1, from the arithmetic builtin pass@k"
        let layout = PlotLayout(
            title: String(repeating: "A very long title about scaling ", count: 4),
            labels: [long, long + " maj@k", "usc@4", String(repeating: "W", count: 80), "95% interval"])
        #expect(layout.legendIsBelow)
        #expect(layout.title.count > 1)
        #expect(layout.legend.allSatisfy { $0.y > layout.plot.y + layout.plot.height })
        #expect(layout.legend[3].lines.count > 1)
        // Rows never overlap: each entry starts below the last line of any entry in an earlier row.
        for (earlier, later) in zip(layout.legend, layout.legend.dropFirst()) where later.y > earlier.y {
            #expect(later.y >= earlier.y + Double(earlier.lines.count) * PlotLayout.lineHeight)
        }
        Self.expectInside(layout)
    }

    @Test func manyEntriesGoBelowInRows() {
        let labels = (1...30).map { "set\($0) pass@k" }
        let layout = PlotLayout(title: "t", labels: labels)
        #expect(layout.legendIsBelow)
        #expect(Set(layout.legend.map(\.y)).count > 1)
        #expect(Set(layout.legend.map(\.y)).count < 30)
        Self.expectInside(layout)
    }
}
