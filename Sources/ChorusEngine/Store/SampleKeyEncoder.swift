/// The keys of one request's samples: the canonical document of ``SampleKey`` with everything but
/// the index written once, so each further sample of the prompt costs one digest and no JSON.
///
/// The document's keys sort as `index`, `model`, `parameters`, `prompt`, `seed`, `v`, so a sample's
/// document is `{"index":` and its index, then the same tail for every sample of the request.
public struct SampleKeyEncoder: Sendable {
    /// The prompt as canonical JSON text, as the store keeps it.
    public let promptText: String
    /// The parameters as canonical JSON text, as the store keeps them.
    public let parametersText: String
    /// `,"model":…,"v":1}`: the document after the index.
    private let tail: [UInt8]

    /// The encoder for samples of `prompt` from `modelIdentity` with `parameters` and `seed`.
    public init(modelIdentity: String, prompt: JSONValue, parameters: JSONValue, seed: Int?) {
        let prompt = prompt.canonical
        let parameters = parameters.canonical
        promptText = prompt.jsonText
        parametersText = parameters.jsonText
        let rest = JSONValue.object([
            "v": .integer(SampleKey.encodingVersion),
            "model": .string(modelIdentity),
            "prompt": prompt,
            "parameters": parameters,
            "seed": seed.map(JSONValue.integer) ?? .null,
        ]).jsonText
        // `{"model":…}` becomes `,"model":…}`: the members that follow `"index":N`.
        tail = [UInt8(ascii: ",")] + Array(rest.utf8.dropFirst())
    }

    /// The key of sample `index`.
    public func key(forSample index: Int) -> SampleKey {
        var digest = SHA256()
        var head = #"{"index":"# + String(index)
        head.withUTF8 { digest.update(UnsafeRawBufferPointer($0)) }
        tail.withUnsafeBytes { digest.update($0) }
        return SampleKey(digest: digest.finalize())
    }
}
