import ChorusEngine
import Testing

@Suite("Sample key")
struct SampleKeyTests {
    typealias F = SampleFixtures

    func key(
        model: String = F.model, prompt: JSONValue = F.prompt("What is 2 + 2?"), parameters: JSONValue = F.parameters,
        seed: Int? = 42, index: Int = 3
    ) -> SampleKey {
        SampleKey(modelIdentity: model, prompt: prompt, parameters: parameters, seed: seed, sampleIndex: index)
    }

    /// Pins the encoding: if this changes, every stored sample would be missed on rerun.
    @Test func encodingIsPinned() {
        #expect(
            SampleKey.canonicalDocument(
                modelIdentity: F.model, prompt: F.prompt("What is 2 + 2?"), parameters: F.parameters, seed: 42,
                sampleIndex: 3)
                == #"{"index":3,"model":"openai:http://localhost:8000/v1/Qwen2.5-7B-Instruct","parameters":{"max_tokens":512,"temperature":0.7,"top_p":1},"prompt":[{"content":"Solve it.","role":"system"},{"content":"What is 2 + 2?","role":"user"}],"seed":42,"v":1}"#
        )
        #expect(key().hex == "ed85f53c33e6df0cbc9c6425eddda9e5e651869e3eab9d70176aa2cbf8ebe441")
    }

    /// Keys as the sampler writes them (the standard prompt, the parameters' key document), worked out
    /// from the documented encoding: a change to any would miss every sample already in a user's store.
    @Test func samplerKeysArePinned() {
        let problem = Problem(id: "p", question: "What is 6 times 7?", goldAnswer: "42", source: "test")
        let parameters = SamplingParameters(n: 2, temperature: 0.7, seed: 1)
        let keys = (0..<2).map {
            SampleKey(
                modelIdentity: "stub", prompt: PromptTemplate.standard.promptDocument(for: problem),
                parameters: parameters.keyDocument, seed: parameters.seed, sampleIndex: $0
            ).hex
        }
        #expect(
            keys == [
                "c219cfb453af49a6cae66bc7e92729fa057fed2047329d1248728c9b21b9ba5e",
                "9a6cba140f4c6611e186814d614820f63ac99039c58311363a764af33aaee8c9",
            ])
    }

    /// Parsed parameters key as their canonical form: numbers as written in a file get one form.
    @Test func parsedNumbersKeyInTheirCanonicalForm() throws {
        let parameters = try JSONValue(
            parsing: #"{"temperature": 0.70, "top_p": 1.0, "max_tokens": 512, "small": 1E-7, "big": 1.0e16}"#)
        let key = SampleKey(modelIdentity: "m", prompt: .string("p"), parameters: parameters, seed: nil, sampleIndex: 0)
        #expect(key.hex == "ac643c1565a8f711863eec60ca5d987def4b384a70aa4ffb788b93d187a1fb45")
    }

    @Test func sameContentSameKey() throws {
        let reordered = try JSONValue(parsing: #"{"top_p": 1.0, "max_tokens": 512, "temperature": 0.70}"#).canonical
        #expect(key(parameters: reordered) == key())
        #expect(key().hex.count == 64)
    }

    @Test func everyComponentChangesTheKey() {
        let base = key()
        let variants = [
            key(model: F.model + "-AWQ"),
            key(prompt: F.prompt("What is 2 + 3?")),
            key(parameters: .object(["temperature": .double(0.8), "top_p": .double(1), "max_tokens": .integer(512)])),
            key(seed: 43),
            key(seed: nil),
            key(index: 4),
        ]
        for variant in variants { #expect(variant != base) }
        #expect(Set(variants).count == variants.count)
    }

    @Test func hexIsValidated() {
        #expect(SampleKey(hex: key().hex) == key())
        #expect(SampleKey(hex: "abc") == nil)
        #expect(SampleKey(hex: String(repeating: "G", count: 64)) == nil)
        #expect(SampleKey(hex: key().hex.uppercased()) == nil)
    }
}
