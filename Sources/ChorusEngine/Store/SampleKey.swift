/// The content address of one sample: what was asked of which model, how, and which draw it was.
///
/// The key is the SHA-256, as 64 lowercase hex digits, of the UTF-8 bytes of this canonical
/// document (``JSONValue/jsonText`` of canonical values, so keys sorted and no whitespace):
///
/// ```
/// {"index":<sample index>,"model":"<model identity>","parameters":<parameters>,
///  "prompt":<prompt>,"seed":<seed or null>,"v":1}
/// ```
///
/// - `model`: the model's identity string as the model client names it (provider, endpoint,
///   model name), never an API key or other credential.
/// - `prompt`: the full prompt, such as the chat messages as a JSON array of objects.
/// - `parameters`: the sampling parameters as an object (temperature, top-p, max tokens, …).
/// - `seed`: the request's seed, or `null` when none was sent.
/// - `index`: which sample of the same request this is, from 0.
/// - `v`: the version of this encoding; a change to it is a new version, never an edit.
///
/// A test pins one key's hex, so the encoding cannot drift without a test failing.
public struct SampleKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The version of the canonical encoding that ``init(modelIdentity:prompt:parameters:seed:sampleIndex:)`` writes.
    public static let encodingVersion = 1

    /// The key as 64 lowercase hex digits.
    public let hex: String

    /// The key of one sample.
    public init(modelIdentity: String, prompt: JSONValue, parameters: JSONValue, seed: Int?, sampleIndex: Int) {
        let document = Self.canonicalDocument(
            modelIdentity: modelIdentity, prompt: prompt, parameters: parameters, seed: seed, sampleIndex: sampleIndex)
        hex = SHA256.hex(of: document)
    }

    /// A key read back from storage; nil unless `hex` is 64 lowercase hex digits.
    public init?(hex: String) {
        let digits = hex.utf8
        guard digits.count == 64,
            digits.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { return nil }
        self.hex = hex
    }

    /// The canonical document whose digest is the key (see the type's documentation).
    public static func canonicalDocument(
        modelIdentity: String, prompt: JSONValue, parameters: JSONValue, seed: Int?, sampleIndex: Int
    ) -> String {
        JSONValue.object([
            "v": .integer(encodingVersion),
            "model": .string(modelIdentity),
            // Numbers as read from a file (`0.70`, `1.0`) key as the same content written by Chorus.
            "prompt": prompt.canonical,
            "parameters": parameters.canonical,
            "seed": seed.map(JSONValue.integer) ?? .null,
            "index": .integer(sampleIndex),
        ]).jsonText
    }

    /// The hex digits.
    public var description: String { hex }

    /// Orders keys by their hex digits, the order exports and pages use.
    public static func < (left: SampleKey, right: SampleKey) -> Bool { left.hex < right.hex }
}
