import Testing

@testable import ChorusEngine

@Suite struct CombinerPromptsTests {
    @Test func onePromptPerSubsetWithTheIndicesShown() {
        let (set, _) = TrainingFixtures.set([["1", "2", "3", "4"], ["5", "6"]])
        let plan = CombinerPrompts(
            set, template: .ssa, selection: CandidateSelection(k: 3, subsets: 2, seed: 4), budget: nil)
        #expect(plan.prompts.map(\.problemIndex) == [0, 0, 1, 1])
        #expect(plan.prompts.map(\.subset) == [0, 1, 0, 1])
        #expect(plan.prompts.allSatisfy { $0.candidates.count == ($0.problemIndex == 0 ? 3 : 2) })
        #expect(plan.prompts[0].messages[0].content.contains("Answer 3:"))
        #expect(plan.skipped == 0 && plan.truncated == 0)
    }

    @Test func theBudgetCutsOrSkipsAndCounts() {
        let long = String(repeating: "x", count: 800)
        let (set, _) = TrainingFixtures.set([[long, long], ["1", "2"]])
        let cut = CombinerPrompts(
            set, template: .gsr, selection: CandidateSelection(k: 2), budget: CandidateBudget(maxTokens: 100))
        #expect(cut.prompts.count == 2 && cut.truncated == 1)
        let skipped = CombinerPrompts(
            set, template: .gsr, selection: CandidateSelection(k: 2),
            budget: CandidateBudget(maxTokens: 100, policy: .skip))
        #expect(skipped.prompts.map(\.problemIndex) == [1] && skipped.skipped == 1)
    }
}
