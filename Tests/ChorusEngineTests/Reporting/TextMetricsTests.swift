import Testing

@testable import ChorusEngine

@Suite struct TextMetricsTests {
    @Test func widthsAreAtLeastTheWidestCommonFont() {
        // DejaVu Sans, the widest common sans-serif: "m" 0.974 em, "a" 0.613 em, "i" 0.278 em, "W" 0.989 em.
        #expect(TextMetrics.width("m", fontSize: 12) >= 0.974 * 12)
        #expect(TextMetrics.width("a", fontSize: 12) >= 0.613 * 12)
        #expect(TextMetrics.width("i", fontSize: 12) >= 0.278 * 12)
        #expect(TextMetrics.width("W", fontSize: 10) >= 9.89)
        #expect(TextMetrics.width("漢字", fontSize: 12) == 24)
        #expect(TextMetrics.width("", fontSize: 12) == 0)
    }

    @Test func wrappingKeepsEveryLineWithinTheWidth() {
        let text = "refine@4 of qwen2.5-coder-0.5b-instruct, averaged over superlongidentifierwithoutanyspaces"
        let lines = TextMetrics.wrap(text, fontSize: 12, maxWidth: 120)
        #expect(lines.count > 2)
        for line in lines { #expect(TextMetrics.width(line, fontSize: 12) <= 120) }
        #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        #expect(TextMetrics.wrap("short", fontSize: 12, maxWidth: 120) == ["short"])
    }
}
