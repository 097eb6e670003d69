import Testing

@testable import ChorusEngine

@Suite("Markup")
struct MarkupTests {
    @Test("escapes the four characters markup reads, and nothing else")
    func escapes() {
        #expect(Markup.escape(#"a<b>&"c" 'd' é"#) == "a&lt;b&gt;&amp;&quot;c&quot; 'd' é")
        #expect(Markup.escape("") == "")
    }
}
