import Testing

@testable import ChorusEngine

@Suite struct RewardFunctionTests {
    @Test func thePaperPresetGivesFullFormatAndNoReward() {
        let reward = RewardFunction(preset: .paper, format: .answerTag)
        #expect(reward.score(response: "<think>6 × 7</think><answer>42</answer>", gold: "42").reward == 1.0)
        #expect(reward.score(response: "<answer>41</answer>", gold: "42").reward == 0.05)
        #expect(reward.score(response: "The answer is 42", gold: "42").reward == 0.0)
    }

    @Test func theShapedPresetPunishesAMissingFormat() {
        let reward = RewardFunction(preset: .shaped, format: .answerTag)
        #expect(reward.score(response: "<answer>42</answer>", gold: "42").reward == 1.0)
        #expect(reward.score(response: "<answer>41</answer>", gold: "42").reward == 0.0)
        #expect(reward.score(response: "42", gold: "42").reward == -1.0)
    }

    @Test func answerTagFormatIgnoresBoxedAnswersOutsideTheTagButUnwrapsOneInside() {
        let reward = RewardFunction(format: .answerTag)
        let outside = reward.score(response: "so \\boxed{42}", gold: "42")
        #expect(!outside.formatted && outside.extracted == nil)
        let inside = reward.score(response: "<think>\\boxed{7}?</think><answer>\\boxed{42}</answer>", gold: "42")
        #expect(inside.correct && inside.extracted == "42")
    }

    @Test func boxedFormatReadsOnlyTheLastBox() {
        let reward = RewardFunction(format: .boxed)
        #expect(reward.score(response: "first \\boxed{3}, then \\boxed{\\frac{1}{2}}", gold: "0.5").correct)
        #expect(!reward.score(response: "<answer>0.5</answer>", gold: "0.5").formatted)
    }

    @Test func anUnparseableAnswerInTheFormatEarnsTheFormatReward() {
        let outcome = RewardFunction(preset: .paper, format: .answerTag).score(
            response: "<answer>3 + * 4</answer>", gold: "7")
        #expect(outcome.formatted && !outcome.correct && outcome.reward == 0.05)
    }

    @Test func presetsAreFoundByName() {
        #expect(RewardFunction.Preset.named("paper") == .paper)
        #expect(RewardFunction.Preset.named("shaped") == .shaped)
        #expect(RewardFunction.Preset.named("gentle") == nil)
    }
}
