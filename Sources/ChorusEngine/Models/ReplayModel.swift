import Foundation

/// A model that answers from samples recorded in a JSON Lines file, so an experiment reruns with no
/// server at all.
///
/// One row per sample:
///
/// ```
/// {"prompt": "Question: 2+2?", "index": 0, "text": "4", "finish_reason": "stop", "completion_tokens": 1, "mean_logprob": -0.02}
/// {"prompt": [{"role": "user", "content": "2+2?"}], "index": 1, "text": "Four."}
/// ```
///
/// - `prompt` (required): the raw prompt text of a `/v1/completions` request, or the chat messages
///   as a JSON array of `{"role", "content"}` objects — or that array as compact JSON text with
///   sorted keys (`CompletionRequest.Prompt.canonicalText`).
/// - `index` (required): the sample's index, 0-based; a request for n samples gets indices 0..n-1.
/// - `text` (required): the response.
/// - `finish_reason`, `prompt_tokens` and `completion_tokens` (or under `usage`), `mean_logprob`
///   (optional): as the model reported them.
///
/// The store's export lines are such rows, so an exported file replays as it is.
///
/// - `seed` (optional): the base seed; the sample was drawn with `seed + index`
///   (`SamplingParameters.seed(base:sample:)`), and a request with
///   a seed is answered by the samples drawn with that seed and the ones after it.
///
/// Other fields are ignored, and rows may come in any order. Other sampling parameters
/// (temperature, …) are not matched: the file holds one set of samples per prompt. A replayed response
/// costs no calls; its completion tokens are the recorded ones.
public struct ReplayModel: ModelClient {
    /// `replay:PATH`.
    public let identity: String
    private let recorded: [String: [Int: Sample]]
    /// By prompt, by the seed the sample was drawn with (the row's `seed` plus its `index`).
    private let recordedBySeed: [String: [Int: Sample]]

    /// Loads the recorded samples of a file.
    public init(path: String) throws(ReplayModelError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        try self.init(jsonl: [UInt8](data), identity: ModelSpec.replay(path: path).identity)
    }

    /// Reads recorded samples from JSON Lines text.
    public init(jsonl text: String, identity: String) throws(ReplayModelError) {
        try self.init(jsonl: Array(text.utf8), identity: identity)
    }

    /// Reads recorded samples from the UTF-8 bytes of JSON Lines, a line at a time, without making a
    /// `String` of the whole file or of each line.
    init(jsonl bytes: [UInt8], identity: String) throws(ReplayModelError) {
        self.identity = identity
        var recorded: [String: [Int: Sample]] = [:]
        var recordedBySeed: [String: [Int: Sample]] = [:]
        // A prompt's messages come back on every one of its samples' rows: written out once.
        var promptTexts: [[JSONValue]: String] = [:]
        var start = 0
        var number = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            number += 1
            let line = bytes[start..<end]
            start = end + 1
            guard !Self.isBlank(line) else { continue }
            let (prompt, index, seed, sample) = try Self.row(Array(line), line: number, promptTexts: &promptTexts)
            if let seed {
                recordedBySeed[prompt, default: [:]][SamplingParameters.seed(base: seed, sample: index)] = sample
            }
            // A store's export may hold the same sample twice (under two models, say): the same text is
            // one answer; different texts leave it unclear which to replay.
            if let earlier = recorded[prompt, default: [:]][index] {
                guard earlier.text == sample.text else { throw .duplicateSample(line: number, index: index) }
                continue
            }
            recorded[prompt, default: [:]][index] = sample
        }
        self.recorded = recorded
        self.recordedBySeed = recordedBySeed
    }

    /// Whether a line holds nothing but whitespace (Unicode's, as a text editor shows it).
    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }) { return true }
        guard line.contains(where: { $0 >= 0x80 }) else { return false }
        return String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    /// The recorded samples for the request's prompt: with a seed, those drawn with seeds
    /// `seed, seed+1, …` (a seeded `sample` asks for sample i alone, with seed + i); else 0..n-1.
    public func complete(_ request: CompletionRequest) async throws -> CompletionResponse {
        let prompt = request.prompt.canonicalText
        let bySeed = recordedBySeed[prompt] ?? [:]
        let useSeeds = request.parameters.seed != nil && !bySeed.isEmpty
        let forPrompt = useSeeds ? bySeed : recorded[prompt] ?? [:]
        var samples: [Sample] = []
        for offset in 0..<max(0, request.parameters.n) {
            try Task.checkCancellation()
            let index = useSeeds ? request.parameters.seed(forSample: offset) ?? offset : offset
            guard let sample = forPrompt[index] else {
                throw ReplayModelError.missingSample(
                    promptStart: String(prompt.prefix(60)), index: index, recorded: forPrompt.count)
            }
            samples.append(sample)
        }
        let tokens = samples.compactMap(\.completionTokens)
        return CompletionResponse(
            samples: samples,
            cost: Cost(
                promptTokens: samples.reduce(0) { $0 + ($1.promptTokens ?? 0) }, completionTokens: tokens.reduce(0, +)),
            tokenAccounting: tokens.count == samples.count ? .exact : .lowerBound)
    }

    private static func row(
        _ line: [UInt8], line number: Int, promptTexts: inout [[JSONValue]: String]
    ) throws(ReplayModelError) -> (String, Int, Int?, Sample) {
        let value: JSONValue
        do {
            value = try JSONRowParser.parse(bytes: line)
        } catch {
            throw .invalidRow(line: number, reason: "not valid JSON: \(error.description)")
        }
        guard case .object(let fields) = value else { throw .invalidRow(line: number, reason: "not a JSON object") }
        let prompt: String
        switch fields["prompt"] {
        case .string(let text)?: prompt = text
        case .array(let messages)?:
            if let known = promptTexts[messages] {
                prompt = known
            } else {
                prompt = JSONValue.array(messages).jsonText
                promptTexts[messages] = prompt
            }
        case nil: throw .invalidRow(line: number, reason: "missing field \"prompt\"")
        default: throw .invalidRow(line: number, reason: "\"prompt\" is neither text nor a list of messages")
        }
        guard case .number(let indexText)? = fields["index"], let index = Int(indexText), index >= 0 else {
            throw .invalidRow(line: number, reason: "\"index\" must be a whole number from 0")
        }
        guard case .string(let text)? = fields["text"] else {
            throw .invalidRow(line: number, reason: "\"text\" must be a string")
        }
        var sample = Sample(text: text)
        if case .string(let reason)? = fields["finish_reason"] { sample.finishReason = reason }
        // Top level, or under `usage` as the store's export writes it.
        var completionTokens = fields["completion_tokens"]
        if completionTokens == nil, case .object(let usage)? = fields["usage"] {
            completionTokens = usage["completion_tokens"]
        }
        var promptTokens = fields["prompt_tokens"]
        if promptTokens == nil, case .object(let usage)? = fields["usage"] { promptTokens = usage["prompt_tokens"] }
        if let value = promptTokens, value != .null {
            guard case .number(let literal) = value, let tokens = Int(literal) else {
                throw .invalidRow(line: number, reason: "\"prompt_tokens\" must be a whole number")
            }
            sample.promptTokens = tokens
        }
        if let value = completionTokens, value != .null {
            guard case .number(let literal) = value, let tokens = Int(literal) else {
                throw .invalidRow(line: number, reason: "\"completion_tokens\" must be a whole number")
            }
            sample.completionTokens = tokens
        }
        if let value = fields["mean_logprob"], value != .null {
            guard case .number(let literal) = value, let mean = Double(literal) else {
                throw .invalidRow(line: number, reason: "\"mean_logprob\" must be a number")
            }
            sample.meanLogProbability = mean
        }
        var seed: Int?
        if case .number(let literal)? = fields["seed"] { seed = Int(literal) }
        return (prompt, index, seed, sample)
    }
}
