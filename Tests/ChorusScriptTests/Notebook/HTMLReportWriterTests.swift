import ChorusEngine
import Foundation
import Testing

@testable import ChorusScript

@Suite("HTML report writer")
struct HTMLReportWriterTests {
    static let page = HTMLReportWriter.render(NotebookFixtures.document)

    @Test("one self-contained page: inline style, nothing fetched, no script")
    func selfContained() {
        #expect(Self.page.hasPrefix("<!DOCTYPE html>"))
        #expect(Self.page.contains("<style>"))
        for fetch in ["<link", "<script", " src=", "@import", "url("] {
            #expect(!Self.page.contains(fetch), "the page fetches with \(fetch)")
        }
    }

    @Test("statements behind their prompts, escaped; outputs in order, the plot's SVG inline")
    func cells() throws {
        #expect(Self.page.contains("<span class=\"prompt\">chorus[2]&gt; </span>k *\n     ...&gt;   2</pre>"))
        #expect(Self.page.contains("<pre class=\"stdout\">10\n</pre>"))
        #expect(Self.page.contains("<pre class=\"stderr\">time: 1 s\n</pre>"))
        #expect(Self.page.contains(NotebookFixtures.svg))
        #expect(Self.page.contains("<span class=\"prompt\">chorus[5]&gt; </span>nosuch 3</pre>"))
        let order = ["k *", "time: 1 s", "vote | maj", "scaling", "nosuch 3"].compactMap {
            Self.page.range(of: $0)?.lowerBound
        }
        #expect(order.count == 5 && order == order.sorted())
    }

    @Test("prose is read as simple Markdown: paragraphs, code blocks, inline code")
    func prose() {
        #expect(Self.page.contains("<p>A *small* session.</p>\n<pre><code>chorus run it</code></pre>"))
        #expect(
            ProseMarkdown.html("use `vote` & `<x>`") == "<p>use <code>vote</code> &amp; <code>&lt;x&gt;</code></p>\n")
        #expect(ProseMarkdown.html("## Two\n- one `item") == "<h2>Two</h2>\n<ul><li>one `item</li></ul>\n")
    }
}
