import Testing

@testable import ChorusEngine

@Suite struct CandidateBudgetTests {
    @Test func withinTheBudgetNothingChanges() throws {
        let fitted = try #require(CandidateBudget(maxTokens: 10).fit(["abcd", "efgh"]))
        #expect(fitted.texts == ["abcd", "efgh"])
        #expect(!fitted.truncated)
    }

    @Test func truncationKeepsEachCandidatesEnd() throws {
        let long = String(repeating: "x", count: 40) + " so \\boxed{12}"
        let fitted = try #require(CandidateBudget(maxTokens: 8).fit([long, "short"]))
        #expect(fitted.truncated)
        #expect(fitted.texts[0] == "[…] " + String(long.suffix(16)))
        #expect(fitted.texts[0].hasSuffix("\\boxed{12}"))
        #expect(fitted.texts[1] == "short")
    }

    @Test func truncationNeverSplitsACharacter() throws {
        let text = String(repeating: "é", count: 20)  // two bytes each
        let fitted = try #require(CandidateBudget(maxTokens: 1).fit([text]))
        #expect(fitted.texts[0].hasPrefix("[…] é"))
    }

    @Test func skippingGivesNothing() {
        #expect(CandidateBudget(maxTokens: 1, policy: .skip).fit(["a longer candidate"]) == nil)
    }
}
