import Foundation
import Testing
@testable import ChorusEngine

@Suite struct ProblemTests {
    @Test func roundTripsThroughJSON() throws {
        let problem = Problem(
            id: "p-1", question: "What is 2 + 2?", goldAnswer: "4", goldSolution: "2 + 2 = 4.",
            source: "mine", metadata: ["level": "Level 1"]
        )
        let data = try JSONEncoder().encode(problem)
        #expect(try JSONDecoder().decode(Problem.self, from: data) == problem)
        let bare = Problem(id: "p-2", question: "q", goldAnswer: "a", source: "mine")
        #expect(bare.goldSolution == nil && bare.metadata.isEmpty)
        #expect(try JSONDecoder().decode(Problem.self, from: JSONEncoder().encode(bare)) == bare)
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
