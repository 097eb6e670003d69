import ChorusEngine
import Testing

@Suite("Sample key")
struct SampleKeyTests {
    typealias F = SampleFixtures

    func key(
        model: String = F.model, prompt: CanonicalJSON = F.prompt("What is 2 + 2?"), parameters: CanonicalJSON = F.parameters,
        seed: Int? = 42, index: Int = 3
    ) -> SampleKey {
        SampleKey(modelIdentity: model, prompt: prompt, parameters: parameters, seed: seed, sampleIndex: index)
    }

    /// Pins the encoding: if this changes, every stored sample would be missed on rerun.
    @Test func encodingIsPinned() {
        #expect(
            SampleKey.canonicalDocument(
                modelIdentity: F.model, prompt: F.prompt("What is 2 + 2?"), parameters: F.parameters, seed: 42, sampleIndex: 3)
                == #"{"index":3,"model":"openai:http://localhost:8000/v1/Qwen2.5-7B-Instruct","parameters":{"max_tokens":512,"temperature":0.7,"top_p":1},"prompt":[{"content":"Solve it.","role":"system"},{"content":"What is 2 + 2?","role":"user"}],"seed":42,"v":1}"#)
        #expect(key().hex == "ed85f53c33e6df0cbc9c6425eddda9e5e651869e3eab9d70176aa2cbf8ebe441")
    }

    @Test func sameContentSameKey() throws {
        let reordered = try CanonicalJSON(parsing: #"{"top_p": 1.0, "max_tokens": 512, "temperature": 0.70}"#)
        #expect(key(parameters: reordered) == key())
        #expect(key().hex.count == 64)
    }

    @Test func everyComponentChangesTheKey() {
        let base = key()
        let variants = [
            key(model: F.model + "-AWQ"),
            key(prompt: F.prompt("What is 2 + 3?")),
            key(parameters: .object(["temperature": .number(0.8), "top_p": .number(1), "max_tokens": .integer(512)])),
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
