import Testing

@testable import ChorusREPL

@Suite struct HistorySearchTests {
    static let history = ["xs = [1,\n2, 3]", "print xs", "xs.count", "vote s k: 3", "xs.count"]

    @Test func typingFindsTheNewestEntryThatContainsTheText() {
        var search = HistorySearch(entries: Self.history)
        #expect(search.display == "(reverse-i-search)'': ")
        search.type("x")
        #expect(search.match == "xs.count")
        #expect(search.position == 4)
        #expect(search.display == "(reverse-i-search)'x': xs.count")
    }

    @Test func aLineOfAMultiLineStatementFindsTheWholeStatement() {
        var search = HistorySearch(entries: Self.history)
        search.type("2, 3")
        #expect(search.match == "xs = [1,\n2, 3]")
        #expect(search.display == "(reverse-i-search)'2, 3': xs = [1,\n2, 3]")
    }

    @Test func ctrlRStepsToOlderMatchesSkippingRepeats() {
        var search = HistorySearch(entries: Self.history)
        search.type("xs")
        #expect(search.position == 4)
        search.older()
        #expect(search.match == "print xs")
        search.older()
        #expect(search.match == "xs = [1,\n2, 3]")
        search.older()
        #expect(search.failed)
        #expect(search.match == "xs = [1,\n2, 3]")
        #expect(search.display.hasPrefix("(failed reverse-i-search)'xs': "))
    }

    @Test func typingMoreKeepsAnEntryThatStillMatchesElseGoesOlder() {
        var search = HistorySearch(entries: Self.history)
        search.type("xs")
        search.older()
        search.type(" ")
        #expect(search.match == "xs = [1,\n2, 3]")
        search.type("zz")
        #expect(search.failed)
        #expect(search.query == "xs zz")
    }

    @Test func backspaceWidensTheSearchFromTheNewestEntry() {
        var search = HistorySearch(entries: Self.history)
        search.type("votq")
        #expect(search.failed)
        search.deleteBackward()
        #expect(!search.failed)
        #expect(search.match == "vote s k: 3")
        search.deleteBackward()
        search.deleteBackward()
        search.deleteBackward()
        #expect(search.query == "")
        #expect(search.match == nil)
        search.deleteBackward()
        #expect(search.query == "")
    }

    @Test func anEmptyHistoryFindsNothing() {
        var search = HistorySearch(entries: [])
        search.type("x")
        #expect(search.failed)
        #expect(search.match == nil)
        search.older()
        #expect(search.match == nil)
    }
}
