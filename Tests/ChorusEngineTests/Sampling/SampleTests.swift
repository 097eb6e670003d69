import Foundation
import Testing

@testable import ChorusEngine

@Suite struct SampleTests {
    @Test func onlyTheTextIsRequired() {
        let sample = Sample(text: "\\boxed{2}")
        #expect(sample.text == "\\boxed{2}")
        #expect(sample.finishReason == nil)
        #expect(sample.promptTokens == nil)
        #expect(sample.completionTokens == nil)
        #expect(sample.latency == nil)
        #expect(sample.meanLogProbability == nil)
        #expect(sample.score == nil)
    }

    @Test func everyFieldIsKept() {
        let sample = Sample(
            text: "t", finishReason: "length", promptTokens: 12, completionTokens: 34, latency: 0.25,
            meanLogProbability: -0.5, score: 0.75)
        #expect(sample.finishReason == "length")
        #expect(sample.promptTokens == 12)
        #expect(sample.completionTokens == 34)
        #expect(sample.latency == 0.25)
        #expect(sample.meanLogProbability == -0.5)
        #expect(sample.score == 0.75)
    }

    @Test func equalityComparesEveryField() {
        #expect(Sample(text: "a", score: 1) == Sample(text: "a", score: 1))
        #expect(Sample(text: "a", score: 1) != Sample(text: "a", score: 2))
        #expect(Sample(text: "a") != Sample(text: "b"))
        #expect(Sample(text: "a", finishReason: "stop") != Sample(text: "a"))
    }
}
