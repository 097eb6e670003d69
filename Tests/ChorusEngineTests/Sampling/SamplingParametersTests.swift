import Testing

@testable import ChorusEngine

@Suite struct SamplingParametersTests {
    @Test func keyDocumentLeavesOutNAndSeed() {
        let a = SamplingParameters(n: 4, temperature: 0.7, seed: 1)
        let b = SamplingParameters(n: 16, temperature: 0.7, seed: 99)
        #expect(a.keyDocument == b.keyDocument)
        #expect(a.keyDocument.jsonText == #"{"logprobs":false,"max_tokens":512,"stop":[],"temperature":0.7}"#)
    }

    @Test func everyShapingParameterChangesTheDocument() {
        let base = SamplingParameters(n: 1)
        var variants: [SamplingParameters] = []
        for change in 0..<6 {
            var copy = base
            switch change {
            case 0: copy.temperature = 0.2
            case 1: copy.topP = 0.9
            case 2: copy.topK = 20
            case 3: copy.maxTokens = 64
            case 4: copy.stop = ["\n\n"]
            default: copy.logprobs = true
            }
            variants.append(copy)
        }
        let documents = Set(([base] + variants).map(\.keyDocument.jsonText))
        #expect(documents.count == 7)
    }

    @Test func aServerDefaultIsLeftOutOfTheKey() {
        let defaults = SamplingParameters(n: 1, temperature: nil, maxTokens: nil)
        #expect(defaults.keyDocument.jsonText == #"{"logprobs":false,"stop":[]}"#)
    }

    @Test func sampleIIsDrawnWithSeedPlusI() {
        let seeded = SamplingParameters(n: 4, seed: 10)
        #expect((0..<4).map { seeded.seed(forSample: $0) } == [10, 11, 12, 13])
        #expect(SamplingParameters(n: 4).seed(forSample: 2) == nil)
        #expect(SamplingParameters.seed(base: Int.max, sample: 1) == Int.min)
    }
}
