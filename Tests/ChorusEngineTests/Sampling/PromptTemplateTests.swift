import Testing

@testable import ChorusEngine

@Suite struct PromptTemplateTests {
    let problem = Problem(id: "p1", question: "What is 2 + 3?", goldAnswer: "5", goldSolution: nil, source: "test")

    @Test func standardAsksForABoxedAnswer() {
        let messages = PromptTemplate.standard.messages(for: problem)
        #expect(messages.map(\.role) == ["system", "user"])
        #expect(messages[1].content == "What is 2 + 3?\n\nPut your final answer within \\boxed{}.")
    }

    @Test func noSystemMessageWhenNil() throws {
        let template = try PromptTemplate(system: nil, user: "Q: {question}\nA:")
        #expect(template.messages(for: problem) == [ChatMessage(role: "user", content: "Q: What is 2 + 3?\nA:")])
    }

    @Test func theQuestionPlaceholderIsRequired() {
        #expect(throws: PromptTemplate.Failure.missingQuestionPlaceholder) {
            try PromptTemplate(system: nil, user: "no placeholder")
        }
    }
}
