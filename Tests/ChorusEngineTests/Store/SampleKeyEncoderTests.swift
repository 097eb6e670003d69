import ChorusEngine
import Testing

@Suite("Sample key encoder")
struct SampleKeyEncoderTests {
    typealias F = SampleFixtures

    /// The key of the documented canonical document, worked out the long way.
    static func documentedKey(seed: Int?, index: Int, prompt: JSONValue = F.prompt("What is 2 + 2?")) -> String {
        SHA256.hex(
            of: SampleKey.canonicalDocument(
                modelIdentity: F.model, prompt: prompt, parameters: F.parameters, seed: seed, sampleIndex: index))
    }

    /// Every index length (one digit to several) and both seed forms give the documented document's digest.
    @Test(arguments: [42, nil] as [Int?])
    func keysAreTheDigestsOfTheDocumentedDocument(seed: Int?) {
        let encoder = SampleKeyEncoder(
            modelIdentity: F.model, prompt: F.prompt("What is 2 + 2?"), parameters: F.parameters, seed: seed)
        for index in [0, 1, 9, 10, 99, 100, 999, 1000, 123_456] {
            #expect(encoder.key(forSample: index).hex == Self.documentedKey(seed: seed, index: index))
        }
    }

    /// A long prompt spans many SHA-256 blocks; the tail is hashed in place from its buffer.
    @Test func longPromptsKeyAsDocumented() {
        let prompt = F.prompt(String(repeating: "a long question with \"quotes\" and ünïcode 🎲 ", count: 60))
        let encoder = SampleKeyEncoder(modelIdentity: F.model, prompt: prompt, parameters: F.parameters, seed: nil)
        for index in [0, 7, 1000] {
            #expect(encoder.key(forSample: index).hex == Self.documentedKey(seed: nil, index: index, prompt: prompt))
        }
    }

    @Test func storesTheCanonicalTexts() throws {
        let parameters = try JSONValue(parsing: #"{"top_p": 1.0, "temperature": 0.70}"#)
        let encoder = SampleKeyEncoder(modelIdentity: "m", prompt: .string("p"), parameters: parameters, seed: 1)
        #expect(encoder.parametersText == #"{"temperature":0.7,"top_p":1}"#)
        #expect(encoder.promptText == #""p""#)
    }
}
