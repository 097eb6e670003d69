import Testing

@testable import ChorusEngine

@Suite struct MathSpanScannerTests {
    private func last(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { bytes in
            MathSpanScanner.lastSpan(bytes, in: 0..<bytes.count).map {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)
            }
        }
    }

    @Test func everyDelimiter() {
        #expect(last("a $1$ b $2$ c") == "2")
        #expect(last("a $$ 3 $$ b") == "3")
        #expect(last("a \\(4\\) b") == "4")
        #expect(last("a \\[5\\] b") == "5")
        #expect(last("$1$ then \\[\\begin{pmatrix}1\\\\2\\end{pmatrix}\\]") == "\\begin{pmatrix}1\\\\2\\end{pmatrix}")
    }

    @Test func escapedOpenAndEmptySpansDoNotCount() {
        #expect(last("it costs \\$5 and \\$6") == nil)
        #expect(last("$7$ and then $8") == "7")
        #expect(last("$7$ and $ $") == "7")
        #expect(last("no math") == nil)
    }
}
