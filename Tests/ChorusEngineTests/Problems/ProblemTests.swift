import Foundation
import Testing

@testable import ChorusEngine

@Suite struct ProblemTests {
    @Test func optionalFieldsDefaultToNothing() {
        let bare = Problem(id: "p-2", question: "q", goldAnswer: "a", source: "mine")
        #expect(bare.goldSolution == nil && bare.metadata.isEmpty)
    }

    @Test func equalityAndHashingUseEveryField() {
        let problem = Problem(id: "a", question: "q", goldAnswer: "1", source: "s")
        var other = problem
        #expect(Set([problem, other]).count == 1)
        other.goldAnswer = "2"
        #expect(problem != other)
        #expect(Set([problem, other]).count == 2)
    }
}
