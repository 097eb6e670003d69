import Testing

@testable import ChorusEngine

@Suite struct AnswerFilterTests {
    /// right: 5×2 vote right · wrong: 8×2 over 7 (oracle right) · allWrong: 1, 2 for gold 3 ·
    /// cut: a truncated sample · unreadable: an unparseable one · tie: 1×1, 2×1 for gold 2.
    static func problems() throws -> [String: ProblemAnswers] {
        let cases: [(String, [String], String)] = [
            ("right", ["\\boxed{5}", "\\boxed{5}", "\\boxed{4}"], "5"),
            ("wrong", ["\\boxed{7}", "\\boxed{8}", "\\boxed{8}"], "7"),
            ("allWrong", ["\\boxed{1}", "\\boxed{2}", "\\boxed{1}"], "3"),
            ("cut", ["\\boxed{6}", "\\boxed{6}", "\\boxed{6"], "6"),
            ("unreadable", ["\\boxed{6}", "no idea", "\\boxed{6}"], "6"),
            ("tie", ["\\boxed{1}", "\\boxed{2}", "no idea"], "2"),
        ]
        var answers: [String: ProblemAnswers] = [:]
        for (id, texts, gold) in cases { answers[id] = try ProblemAnswersTests.answers(texts, gold: gold, id: id) }
        return answers
    }

    static func kept(_ filter: AnswerFilter) throws -> [String] {
        try problems().filter { filter.admits($0.value) }.keys.sorted()
    }

    @Test func everyFilterKeepsItsProblems() throws {
        #expect(try Self.kept(.all) == ["allWrong", "cut", "right", "tie", "unreadable", "wrong"])
        #expect(try Self.kept(.right) == ["cut", "right", "unreadable"])
        #expect(try Self.kept(.wrong) == ["allWrong", "tie", "wrong"])
        #expect(try Self.kept(.truncated) == ["cut"])
        #expect(try Self.kept(.unparseable) == ["tie", "unreadable"])
        #expect(try Self.kept(.allWrong) == ["allWrong"])
        #expect(try Self.kept(.voteWrongOracleRight) == ["tie", "wrong"])
        #expect(try Self.kept(.tied) == ["tie"])
    }

    @Test func theWordsAreTheScriptsWords() {
        #expect(
            AnswerFilter.allCases.map(\.rawValue) == [
                "all", "right", "wrong", "truncated", "unparseable", "all_wrong", "vote_wrong_oracle_right", "tied",
            ])
    }
}
