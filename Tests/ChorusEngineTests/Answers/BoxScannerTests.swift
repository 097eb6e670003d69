import Testing

@testable import ChorusEngine

@Suite struct BoxScannerTests {
    private func group(_ text: String) -> [String] {
        var copy = text
        return copy.withUTF8 { bytes in
            BoxScanner(bytes).finalGroup(bytes).map {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)
            }
        }
    }

    private func endsInside(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { BoxScanner($0).endsInsideBox }
    }

    @Test func boxesJoinedByConnectorsAreOneGroup() {
        #expect(group("\\boxed{1}, \\boxed{2} \\text{ and } \\boxed{3}") == ["1", "2", "3"])
        #expect(group("$a = \\boxed{1}$; $b_2 = \\boxed{2}$") == ["1", "2"])
        #expect(group("\\boxed{1} because \\boxed{2}") == ["2"])
        #expect(group("\\boxed{1}\n\nThen a long paragraph of reasoning follows here. \\boxed{2}") == ["2"])
        #expect(group("no box at all") == [])
    }

    @Test func nestedEmptyAndEscapedBraces() {
        #expect(group("\\boxed{\\frac{1}{2}}") == ["\\frac{1}{2}"])
        #expect(group("\\boxed{\\{1, 2\\}}") == ["\\{1, 2\\}"])
        #expect(group("\\boxed{7} \\boxed{  }") == ["7"])
        #expect(group("\\fbox{7}") == ["7"])
        #expect(group("\\boxed 5.") == ["5"])
    }

    @Test func aResponseCutOffInsideABox() {
        #expect(endsInside("\\boxed{1} \\boxed{2"))
        #expect(endsInside("\\boxed{\\frac{1}{2"))
        #expect(!endsInside("\\boxed{2} {"))
        #expect(!endsInside("\\boxed{2}"))
    }
}
