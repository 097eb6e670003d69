import ChorusEngine
import Testing

@testable import ChorusScript

@Suite("InspectionRenderer")
struct InspectionRendererTests {
    let view = Inspection([
        .heading("problem 0 · p1 · samples"),
        .field("question", "one two three four five six seven eight nine ten eleven twelve"),
        .verdict("sample 0 · answer 5 · right · finish stop", .right, indent: 0),
        .text((1...8).map { "line \($0)" }.joined(separator: "\n"), foldable: true),
    ])

    @Test func foldsLongTextsToTheirEndsAndSaysHowManyLinesAreHidden() {
        let text = InspectionRenderer(width: nil, usesColour: false, full: false).render(view)
        #expect(
            text == """
                problem 0 · p1 · samples
                question: one two three four five six seven eight nine ten eleven twelve
                sample 0 · answer 5 · right · finish stop
                    line 1
                    line 2
                    … 4 lines hidden (`full: true` shows them) …
                    line 7
                    line 8

                """)
        let full = InspectionRenderer(width: nil, usesColour: false, full: true).render(view)
        #expect(full.contains("line 4\n") && !full.contains("hidden"))
    }

    @Test func wrapsAtTheWidthUnderTheFieldsValue() {
        let text = InspectionRenderer(width: 30, usesColour: false, full: true).render(view)
        #expect(
            text.split(separator: "\n").prefix(5) == [
                "problem 0 · p1 · samples",
                "question: one two three four",
                "          five six seven eight",
                "          nine ten eleven",
                "          twelve",
            ])
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 30 })
    }

    @Test func cutsAWordLongerThanALine() {
        let renderer = InspectionRenderer(width: 20, usesColour: false, full: true)
        #expect(
            renderer.wrap(String(repeating: "x", count: 45), indent: 4, hanging: 4) == [
                "    " + String(repeating: "x", count: 16), "    " + String(repeating: "x", count: 16),
                "    " + String(repeating: "x", count: 13),
            ])
        #expect(renderer.wrap("a\n\nb", indent: 2, hanging: 2) == ["  a", "  ", "  b"])
    }

    @Test func coloursOnlyWhenColourIsOn() {
        let plain = InspectionRenderer(width: 80, usesColour: false, full: false).render(view)
        #expect(!plain.contains("\u{1B}"))
        let coloured = InspectionRenderer(width: 80, usesColour: true, full: false).render(view)
        #expect(coloured.contains("· " + ANSIStyle.green.apply(to: "right")))
        #expect(coloured.contains(ANSIStyle.bold.apply(to: "problem 0 · p1 · samples")))
    }
}
