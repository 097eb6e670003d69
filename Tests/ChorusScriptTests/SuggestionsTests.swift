import Testing

@testable import ChorusScript

@Suite("Suggestions")
struct SuggestionsTests {
    @Test(
        "edit distance",
        arguments: [
            ("kitten", "sitting", 3),
            ("", "abc", 3),
            ("abc", "", 3),
            ("", "", 0),
            ("same", "same", 0),
            ("ab", "ba", 1),
            ("pirnt", "print", 1),
            ("ca", "abc", 3),
            ("help", "halp", 1),
            ("print", "prin", 1),
            ("print", "sprint", 1),
            ("Print", "print", 1),
        ])
    func editDistance(lhs: String, rhs: String, expected: Int) {
        #expect(Suggestions.editDistance(lhs, rhs) == expected)
        #expect(Suggestions.editDistance(rhs, lhs) == expected)
    }

    @Test func closestFindsLikelyTypos() {
        let commands = ["help", "print", "vars", "run", "save", "timer", "sleep", "quit"]
        #expect(Suggestions.closest(to: "pirnt", among: commands) == "print")
        #expect(Suggestions.closest(to: "halp", among: commands) == "help")
        #expect(Suggestions.closest(to: "slep", among: commands) == "sleep")
        #expect(Suggestions.closest(to: "timr", among: commands) == "timer")
    }

    @Test func closestIgnoresFarNames() {
        #expect(Suggestions.closest(to: "xyz", among: ["print", "help"]) == nil)
        #expect(Suggestions.closest(to: "frobnicate", among: ["print", "help"]) == nil)
        #expect(Suggestions.closest(to: "a", among: [String]()) == nil)
    }

    @Test func limitGrowsWithTheNameLength() {
        // One edit for names of up to five characters, two from six on.
        #expect(Suggestions.closest(to: "smple", among: ["sample"]) == "sample")
        #expect(Suggestions.closest(to: "smpl", among: ["sample"]) == nil)
        #expect(Suggestions.closest(to: "smapel", among: ["sample"]) == "sample")
        #expect(Suggestions.closest(to: "ab", among: ["xy"]) == nil)
        #expect(Suggestions.closest(to: "ab", among: ["ax"]) == "ax")
    }

    @Test func theNameItselfIsNeverSuggested() {
        #expect(Suggestions.closest(to: "print", among: ["print"]) == nil)
        #expect(Suggestions.closest(to: "print", among: ["print", "prints"]) == "prints")
    }

    @Test func caseIsIgnoredWhenMeasuring() {
        #expect(Suggestions.closest(to: "PRINT", among: ["print"]) == "print")
        #expect(Suggestions.closest(to: "Vars", among: ["vars", "var"]) == "vars")
    }

    @Test func closerBeatsEarlierAndTiesGoAlphabetically() {
        #expect(Suggestions.closest(to: "of", among: ["on", "off"]) == "off")
        #expect(Suggestions.closest(to: "of", among: ["off", "on"]) == "off")
        #expect(Suggestions.closest(to: "prnt", among: ["pint", "print"]) == "pint")
        #expect(Suggestions.closest(to: "sampel", among: ["simple", "sample"]) == "sample")
    }
}
