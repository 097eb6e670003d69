import Testing

@testable import ChorusEngine

@Suite struct TrainerSettingsTests {
    @Test func thePromptLengthCoversTheLongestPromptInSteps() {
        let problem = Problem(id: "p", question: "q", goldAnswer: "1", source: "t")
        func example(_ bytes: Int) -> TrainingExample {
            TrainingExample(
                problem: problem, kind: .solve,
                messages: [ChatMessage(role: "user", content: String(repeating: "x", count: bytes))],
                split: .train, answerFormat: .boxed)
        }
        #expect(TrainerSettings.maxPromptLength(of: [example(40)]) == 512)
        #expect(TrainerSettings.maxPromptLength(of: [example(40), example(4000)]) == 1024)
        #expect(TrainerSettings.maxPromptLength(of: []) == 512)
    }
}
