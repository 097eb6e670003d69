import Testing

@testable import ChorusREPL

@Suite struct CursorWordTests {
    @Test func theWordBeforeTheCursorAndItsLine() {
        #expect(
            CursorWord.completing("x = 1\ns = sample gen da", cursor: 23)
                == CursorWord(text: "da", start: 21, end: 23, lineBefore: "s = sample gen "))
        #expect(CursorWord.completing("", cursor: 0) == CursorWord(text: "", start: 0, end: 0, lineBefore: ""))
    }

    @Test func aCursorInsideAWordCompletesWhatIsBeforeIt() {
        #expect(
            CursorWord.completing("sample gen", cursor: 3) == CursorWord(text: "sam", start: 0, end: 3, lineBefore: ""))
    }

    @Test func pathsStayWholeAndLabelsEndAWord() {
        #expect(CursorWord.completing("run \"tutorials/0", cursor: 16).text == "tutorials/0")
        #expect(CursorWord.completing("run \"tutorials/0", cursor: 16).lineBefore == "run \"")
        #expect(CursorWord.completing("vote s k:4", cursor: 10).text == "4")
    }

    @Test func offsetsCountCodePoints() {
        let code = "print \"e\u{301}\" sa"
        #expect(
            CursorWord.completing(code, cursor: 13)
                == CursorWord(text: "sa", start: 11, end: 13, lineBefore: "print \"e\u{301}\" "))
    }

    @Test func theNameAroundTheCursor() {
        #expect(CursorWord.inspecting("s = sample gen", cursor: 6)?.text == "sample")
        #expect(CursorWord.inspecting("s = sample gen", cursor: 10)?.text == "sample")
        #expect(CursorWord.inspecting("?best_of", cursor: 8)?.text == "best_of")
        #expect(CursorWord.inspecting("x = [1, 2]", cursor: 3) == nil)
        #expect(CursorWord.inspecting("", cursor: 0) == nil)
    }
}
