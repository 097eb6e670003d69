import Foundation

/// One sample as one line of JSON Lines: the export format, read back by import.
///
/// The line is canonical ``JSONValue`` text (keys sorted), with the prompt and parameters embedded as
/// JSON values, `usage` holding the token counts, and `v` the version of the line format:
///
/// ```
/// {"created_at_ms":…,"finish_reason":"stop","index":0,"key":"<64 hex>","latency":1.5,
///  "mean_logprob":null,"model":"…","parameters":{…},"problem_id":"…","prompt":[…],"score":null,
///  "seed":1,"text":"…","usage":{"completion_tokens":120,"prompt_tokens":80},"v":1}
/// ```
extension StoredSample {
    /// The version of the line format ``jsonLine`` writes.
    public static let jsonLineVersion = 1

    /// The sample as one line of JSON, without the newline.
    public var jsonLine: String {
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
        func integer(_ value: Int?) -> JSONValue { value.map(JSONValue.integer) ?? .null }
        // Stored text is canonical JSON already; if it somehow is not, the key check on import says so.
        let promptValue = (try? JSONValue(parsing: prompt).canonical) ?? .string(prompt)
        let parametersValue = (try? JSONValue(parsing: parameters).canonical) ?? .string(parameters)
        return JSONValue.object([
            "v": .integer(Self.jsonLineVersion),
            "key": .string(key.hex),
            "model": .string(modelIdentity),
            "problem_id": .string(problemID),
            "prompt": promptValue,
            "parameters": parametersValue,
            "seed": integer(seed),
            "index": .integer(sampleIndex),
            "text": .string(sample.text),
            "finish_reason": sample.finishReason.map(JSONValue.string) ?? .null,
            "usage": .object([
                "prompt_tokens": integer(sample.promptTokens),
                "completion_tokens": integer(sample.completionTokens),
            ]),
            "latency": number(sample.latency),
            "mean_logprob": number(sample.meanLogProbability),
            "score": number(sample.score),
            "created_at_ms": .integer(Int(createdAtMilliseconds)),
        ]).jsonText
    }

    /// Reads one exported line, checking that its key is the digest of its content.
    ///
    /// The error is a reason without a line number; the caller knows the line.
    public init(jsonLine line: String) throws(SampleLineError) {
        let value: JSONValue
        do {
            value = try JSONRowParser.parse(line)
        } catch {
            throw SampleLineError("not valid JSON: \(error.description)")
        }
        guard case .object(let fields) = value else { throw SampleLineError("not a JSON object") }
        let row = Fields(fields)
        if let version = try row.integer("v"), version > Self.jsonLineVersion {
            throw SampleLineError(
                "line format version \(version) is newer than this Chorus reads (\(Self.jsonLineVersion))")
        }
        let keyText = try row.string("key")
        guard SampleKey(hex: keyText) != nil else {
            throw SampleLineError("field \"key\" is not 64 lowercase hex digits")
        }
        let usage = Fields(try row.object("usage") ?? [:])
        guard let index = try row.integer("index") else { throw SampleLineError("field \"index\" is missing") }
        let createdAt = try row.integer("created_at_ms") ?? 0
        self.init(
            modelIdentity: try row.string("model"), problemID: try row.string("problem_id"),
            prompt: try row.json("prompt"), parameters: try row.json("parameters"), seed: try row.integer("seed"),
            sampleIndex: index,
            sample: Sample(
                text: try row.string("text"), finishReason: try row.optionalString("finish_reason"),
                promptTokens: try usage.integer("prompt_tokens"),
                completionTokens: try usage.integer("completion_tokens"),
                latency: try row.double("latency"), meanLogProbability: try row.double("mean_logprob"),
                score: try row.double("score")),
            createdAt: Date(timeIntervalSince1970: Double(createdAt) / 1000))
        guard key.hex == keyText else {
            throw SampleLineError(
                "the key does not match the sample's model, prompt, parameters, seed and index (was the line edited?)")
        }
    }

    /// Typed access to a row's fields, with errors naming the field.
    private struct Fields {
        let fields: [String: JSONValue]

        init(_ fields: [String: JSONValue]) { self.fields = fields }

        func string(_ name: String) throws(SampleLineError) -> String {
            guard let text = try optionalString(name) else { throw SampleLineError("field \"\(name)\" is missing") }
            return text
        }

        func optionalString(_ name: String) throws(SampleLineError) -> String? {
            switch fields[name] {
            case nil, .null?: return nil
            case .string(let text)?: return text
            default: throw SampleLineError("field \"\(name)\" is not a string")
            }
        }

        func integer(_ name: String) throws(SampleLineError) -> Int? {
            switch fields[name] {
            case nil, .null?: return nil
            case .number(let literal)?:
                guard let value = Int(literal) else { throw SampleLineError("field \"\(name)\" is not an integer") }
                return value
            default: throw SampleLineError("field \"\(name)\" is not an integer")
            }
        }

        func double(_ name: String) throws(SampleLineError) -> Double? {
            switch fields[name] {
            case nil, .null?: return nil
            case .number(let literal)?:
                guard let value = Double(literal) else { throw SampleLineError("field \"\(name)\" is not a number") }
                return value
            default: throw SampleLineError("field \"\(name)\" is not a number")
            }
        }

        func object(_ name: String) throws(SampleLineError) -> [String: JSONValue]? {
            switch fields[name] {
            case nil, .null?: return nil
            case .object(let members)?: return members
            default: throw SampleLineError("field \"\(name)\" is not an object")
            }
        }

        func json(_ name: String) throws(SampleLineError) -> JSONValue {
            guard let value = fields[name] else { throw SampleLineError("field \"\(name)\" is missing") }
            return value.canonical
        }
    }
}
