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
/// ``SampleKeyEncoder`` writes everything after the index once per request, so the samples of one
/// prompt cost one digest each and no JSON. The digest is held as four words rather than text: a
/// key is compared, hashed and bound to SQL without a `String`.
///
/// A test pins one key's hex, so the encoding cannot drift without a test failing.
public struct SampleKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The version of the canonical encoding that ``init(modelIdentity:prompt:parameters:seed:sampleIndex:)`` writes.
    public static let encodingVersion = 1

    // The digest's bytes as big-endian words: comparing words in order compares the hex digits.
    private let word0: UInt64
    private let word1: UInt64
    private let word2: UInt64
    private let word3: UInt64

    /// The key of one sample.
    public init(modelIdentity: String, prompt: JSONValue, parameters: JSONValue, seed: Int?, sampleIndex: Int) {
        self = SampleKeyEncoder(modelIdentity: modelIdentity, prompt: prompt, parameters: parameters, seed: seed)
            .key(forSample: sampleIndex)
    }

    /// The key whose digest is `digest` (32 bytes).
    init(digest: [UInt8]) {
        precondition(digest.count == 32, "a SHA-256 digest is 32 bytes")
        func word(_ start: Int) -> UInt64 {
            digest[start..<start + 8].reduce(0) { $0 << 8 | UInt64($1) }
        }
        (word0, word1, word2, word3) = (word(0), word(8), word(16), word(24))
    }

    /// A key read back from storage; nil unless `hex` is 64 lowercase hex digits.
    public init?(hex: String) {
        var hex = hex
        guard let key = hex.withUTF8({ Self(hexBytes: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = key
    }

    /// A key from 64 lowercase hex digits as bytes (a store row's text, read in place); nil otherwise.
    init?(hexBytes bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 64 else { return nil }
        func word(_ slot: Int) -> UInt64? {
            var value: UInt64 = 0
            for byte in bytes[slot * 16..<slot * 16 + 16] {
                switch byte {
                case 0x30...0x39: value = value << 4 | UInt64(byte - 0x30)
                case 0x61...0x66: value = value << 4 | UInt64(byte - 0x61 + 10)
                default: return nil
                }
            }
            return value
        }
        guard let word0 = word(0), let word1 = word(1), let word2 = word(2), let word3 = word(3) else { return nil }
        (self.word0, self.word1, self.word2, self.word3) = (word0, word1, word2, word3)
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

    /// The key as 64 lowercase hex digits.
    public var hex: String {
        withHexBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the 64 hex digits as bytes, built on the stack.
    func withHexBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            func write(_ word: UInt64, slot: Int) {
                for nibble in 0..<16 {
                    let digit = UInt8(truncatingIfNeeded: word >> UInt64(60 - nibble * 4)) & 0x0f
                    buffer[slot * 16 + nibble] = digit < 10 ? 0x30 + digit : 0x61 + digit - 10
                }
            }
            write(word0, slot: 0)
            write(word1, slot: 1)
            write(word2, slot: 2)
            write(word3, slot: 3)
            return try body(UnsafeRawBufferPointer(buffer))
        }
    }

    /// The hex digits.
    public var description: String { hex }

    /// Orders keys by their hex digits, the order exports and pages use.
    public static func < (left: SampleKey, right: SampleKey) -> Bool {
        (left.word0, left.word1, left.word2, left.word3) < (right.word0, right.word1, right.word2, right.word3)
    }
}
