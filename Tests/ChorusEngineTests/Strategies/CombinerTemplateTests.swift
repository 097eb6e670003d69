import Testing

@testable import ChorusEngine

@Suite struct CombinerTemplateTests {
    @Test func ssaLaysOutQuestionAndNumberedAnswers() {
        let messages = CombinerTemplate.ssa.prompt(question: "What is 2+2?", candidates: [" 4 \n", "5"])
        #expect(messages.count == 1)
        #expect(messages[0].role == "user")
        #expect(
            messages[0].content.hasPrefix(
                "Question: What is 2+2?\n\nBelow are the proposed answers:\n\nAnswer 1:\n4\n\nAnswer 2:\n5\n\nEvaluate")
        )
        #expect(messages[0].content.hasSuffix("write only the final answer inside <answer></answer>."))
    }

    @Test func gsrAsksForANewSolutionWithABoxedAnswer() {
        let content = CombinerTemplate.gsr.prompt(question: "Q?", candidates: ["a", "b"])[0].content
        #expect(content.hasPrefix("Problem: Q?\n\n"))
        #expect(content.contains("Solution 1:\na\n\nSolution 2:\nb"))
        #expect(content.hasSuffix("Put your final answer within \\boxed{}."))
    }

    @Test func aCandidateMentioningAPlaceholderIsLeftAlone() {
        let content = CombinerTemplate.ssa.prompt(question: "Q", candidates: ["I write {question} and {candidates}"])[0]
            .content
        #expect(content.contains("Answer 1:\nI write {question} and {candidates}"))
    }

    @Test func theVersionKeyFollowsTheText() throws {
        #expect(CombinerTemplate.ssa.versionKey.hasPrefix("ssa-v1@"))
        #expect(CombinerTemplate.ssa.versionKey.count == "ssa-v1@".count + 12)
        let edited = try CombinerTemplate(name: "ssa-v1", kind: .aggregation, text: CombinerTemplate.ssa.text + " ")
        #expect(edited.versionKey != CombinerTemplate.ssa.versionKey)
        #expect(CombinerTemplate.gsr.versionKey != CombinerTemplate.ssa.versionKey)
    }

    @Test func aTemplateNeedsBothPlaceholders() {
        #expect(throws: CombinerTemplate.Failure.missingPlaceholder("{candidates}")) {
            try CombinerTemplate(name: "x", kind: .refinement, text: "{question} only")
        }
    }
}
