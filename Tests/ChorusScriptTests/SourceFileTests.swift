import Testing

@testable import ChorusScript

@Suite("SourceFile")
struct SourceFileTests {
    @Test func locationsOfOffsets() {
        let source = SourceFile(name: "f", text: "ab\ncd\n")
        #expect(position(source.location(at: 0)) == "1:1")
        #expect(position(source.location(at: 1)) == "1:2")
        #expect(position(source.location(at: 2)) == "1:3")  // the newline itself
        #expect(position(source.location(at: 3)) == "2:1")
        #expect(position(source.location(at: 4)) == "2:2")
        #expect(position(source.location(at: 6)) == "3:1")  // the end
        #expect(source.location(at: 4).offset == 4)
    }

    @Test func offsetsOutsideTheTextAreClamped() {
        let source = SourceFile(name: "f", text: "ab\ncd")
        #expect(source.location(at: -5) == ChorusScript.SourceLocation(offset: 0, line: 1, column: 1))
        #expect(source.location(at: 100) == ChorusScript.SourceLocation(offset: 5, line: 2, column: 3))
    }

    @Test func lineCount() {
        #expect(SourceFile(name: "f", text: "").lineCount == 1)
        #expect(SourceFile(name: "f", text: "ab").lineCount == 1)
        #expect(SourceFile(name: "f", text: "ab\n").lineCount == 2)
        #expect(SourceFile(name: "f", text: "ab\ncd\nef").lineCount == 3)
    }

    @Test func lineText() {
        let source = SourceFile(name: "f", text: "first\nsecond\n\nfourth")
        #expect(source.lineText(1) == "first")
        #expect(source.lineText(2) == "second")
        #expect(source.lineText(3) == "")
        #expect(source.lineText(4) == "fourth")
        #expect(source.lineText(0) == "")
        #expect(source.lineText(5) == "")
        #expect(source.lineText(-1) == "")
    }

    @Test func windowsLineEndings() {
        let source = SourceFile(name: "f", text: "ab\r\ncd\r\n")
        // "\r\n" is one character.
        #expect(source.characters.count == 6)
        #expect(source.lineText(1) == "ab")
        #expect(source.lineText(2) == "cd")
        #expect(position(source.location(at: 3)) == "2:1")
        #expect(source.lineCount == 3)
    }

    @Test func columnsCountCharacters() {
        let source = SourceFile(name: "f", text: "é👍🏽x\ny")
        #expect(source.characters.count == 5)
        #expect(position(source.location(at: 2)) == "1:3")
        #expect(position(source.location(at: 4)) == "2:1")
    }

    @Test func firstLineOffsetsLocationsAndLineText() {
        let source = SourceFile(name: "<stdin>", text: "x = 1\ny = 2\n", firstLine: 5)
        #expect(source.firstLine == 5)
        #expect(position(source.location(at: 0)) == "5:1")
        #expect(position(source.location(at: 8)) == "6:3")
        #expect(source.lineText(5) == "x = 1")
        #expect(source.lineText(6) == "y = 2")
        #expect(source.lineText(4) == "")
        #expect(source.lineText(1) == "")
        #expect(source.lineText(7) == "")
    }

    @Test func nextLine() {
        #expect(SourceFile(name: "f", text: "x\ny\n", firstLine: 5).nextLine == 7)
        #expect(SourceFile(name: "f", text: "x\ny", firstLine: 5).nextLine == 7)
        #expect(SourceFile(name: "f", text: "x").nextLine == 2)
        #expect(SourceFile(name: "f", text: "x\n").nextLine == 2)
        #expect(SourceFile(name: "f", text: "x\n\n").nextLine == 3)
    }

    @Test func textInRange() {
        let source = SourceFile(name: "f", text: "print hello\nx")
        let range = SourceRange(start: source.location(at: 6), end: source.location(at: 11))
        #expect(source.text(in: range) == "hello")
        let across = SourceRange(start: source.location(at: 6), end: source.location(at: 13))
        #expect(source.text(in: across) == "hello\nx")
        let beyond = SourceRange(
            start: ChorusScript.SourceLocation(offset: 10, line: 1, column: 11),
            end: ChorusScript.SourceLocation(offset: 99, line: 9, column: 9))
        #expect(source.text(in: beyond) == "o\nx")
    }

    @Test func rangesNeverRunBackwards() {
        let late = ChorusScript.SourceLocation(offset: 5, line: 1, column: 6)
        let early = ChorusScript.SourceLocation(offset: 2, line: 1, column: 3)
        let range = SourceRange(start: late, end: early)
        #expect(range.start == late)
        #expect(range.end == late)
    }

    @Test func unionCoversBoth() {
        let a = SourceRange(
            start: ChorusScript.SourceLocation(offset: 4, line: 1, column: 5),
            end: ChorusScript.SourceLocation(offset: 6, line: 1, column: 7))
        let b = SourceRange(
            start: ChorusScript.SourceLocation(offset: 1, line: 1, column: 2),
            end: ChorusScript.SourceLocation(offset: 3, line: 1, column: 4))
        #expect(span(a.union(b)) == "1:2-1:7")
        #expect(span(b.union(a)) == "1:2-1:7")
    }

    @Test func locationsOrderByOffset() {
        #expect(
            ChorusScript.SourceLocation(offset: 1, line: 9, column: 9)
                < ChorusScript.SourceLocation(offset: 2, line: 1, column: 1))
    }
}
