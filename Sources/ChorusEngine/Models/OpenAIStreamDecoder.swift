/// Reads an OpenAI-compatible streamed answer (`"stream": true`): server-sent events whose `data:`
/// lines hold `chat.completion.chunk` objects, ended by `data: [DONE]`.
///
/// The chunks are put back together as the whole-body answer would have been (each choice's text,
/// finish reason and log-probabilities by `index`, so the choices of an `n > 1` stream may
/// interleave; the last `usage`; llama.cpp's `timings`) and read by `OpenAIResponseDecoder`, so a
/// streamed sample is the sample the same answer unstreamed gives. A stream without `[DONE]` was cut
/// off and fails, as does any chunk that is not a JSON object or that reports an error: a part of
/// an answer is never a sample.
struct OpenAIStreamDecoder: Sendable {
    typealias Failure = OpenAIResponseDecoder.Failure

    /// Text one choice received in one chunk.
    struct Piece: Sendable, Equatable {
        /// The choice's index.
        var index: Int
        /// The new text.
        var text: String
    }

    /// One choice's chunks so far.
    private struct Choice {
        var text = ""
        /// `delta` chunks (chat) rather than `text` (completions).
        var isChat = false
        /// A `refusal` or `tool_calls` delta: the answer is not text, as a `null` content is unstreamed.
        var notText = false
        var finishReason: String?
        /// Chat log-probabilities (`logprobs.content` entries), or completions' `token_logprobs`.
        var logprobs: [JSONValue]?
    }

    /// Bytes of a line not ended yet.
    private var line: [UInt8] = []
    /// The `data` of the event being read (its lines joined by LF), nil before its first `data` line.
    private var data: [UInt8]?
    /// Whether `data: [DONE]` came.
    private(set) var isDone = false
    private var choices: [Int: Choice] = [:]
    private var usage: JSONValue?
    private var isLlamaCpp = false

    /// Creates a decoder at the start of a stream.
    init() {}

    /// A whole recorded stream as one completion.
    static func decode(_ body: [UInt8]) throws(Failure) -> DecodedCompletion {
        var decoder = OpenAIStreamDecoder()
        _ = try decoder.feed(body)
        return try decoder.finish()
    }

    /// Whether a body is server-sent events rather than one JSON document: the media type says so,
    /// or (a server that labels it wrongly) it starts with a `data:` field.
    static func isStream(contentType: String?, body: [UInt8]) -> Bool {
        if let contentType, contentType.lowercased().hasPrefix("text/event-stream") { return true }
        let start = body.drop { $0 == 32 || $0 == 9 || $0 == 13 || $0 == 10 }
        return start.starts(with: Array("data:".utf8))
    }

    /// Reads the next bytes and returns the text they brought, choice by choice.
    mutating func feed(_ bytes: some Collection<UInt8>) throws(Failure) -> [Piece] {
        var pieces: [Piece] = []
        for byte in bytes {
            guard byte == 10 else {
                line.append(byte)
                continue
            }
            if line.last == 13 { line.removeLast() }
            try readLine(into: &pieces)
            line.removeAll(keepingCapacity: true)
        }
        return pieces
    }

    /// The stream has ended: the completion it holds, or why there is none.
    mutating func finish() throws(Failure) -> DecodedCompletion {
        var pieces: [Piece] = []
        if !line.isEmpty {
            if line.last == 13 { line.removeLast() }
            try readLine(into: &pieces)
            line = []
        }
        try dispatch(into: &pieces)
        guard isDone else { throw Failure(reason: "the stream ended before `data: [DONE]`") }
        guard !choices.isEmpty else { throw Failure(reason: "the stream has no choices") }
        var fields: [String: JSONValue] = [
            "choices": .array(choices.keys.sorted().map { Self.document(choices[$0]!, index: $0) })
        ]
        if let usage { fields["usage"] = usage }
        if isLlamaCpp { fields["timings"] = .object([:]) }
        return try OpenAIResponseDecoder.decode(root: .object(fields))
    }

    /// One choice as the unstreamed answer would have held it.
    private static func document(_ choice: Choice, index: Int) -> JSONValue {
        var fields: [String: JSONValue] = ["index": .integer(index)]
        if choice.isChat {
            fields["message"] = .object([
                "content": choice.notText && choice.text.isEmpty ? .null : .string(choice.text)
            ])
            if let logprobs = choice.logprobs { fields["logprobs"] = .object(["content": .array(logprobs)]) }
        } else {
            fields["text"] = .string(choice.text)
            if let logprobs = choice.logprobs { fields["logprobs"] = .object(["token_logprobs": .array(logprobs)]) }
        }
        if let reason = choice.finishReason { fields["finish_reason"] = .string(reason) }
        return .object(fields)
    }

    /// One line of the event stream (RFC: `field: value`, `:comment`, or an empty line ending an event).
    private mutating func readLine(into pieces: inout [Piece]) throws(Failure) {
        if line.isEmpty { return try dispatch(into: &pieces) }
        if line.first == 58 { return }  // a comment, such as a keep-alive
        let colon = line.firstIndex(of: 58) ?? line.endIndex
        guard line[..<colon].elementsEqual("data".utf8) else { return }  // `event:`, `id:`, `retry:`
        var value = line[min(colon + 1, line.endIndex)...]
        if value.first == 32 { value = value.dropFirst() }
        if data != nil { data!.append(10) }
        data = (data ?? []) + value
    }

    /// Acts on the event read so far: `[DONE]`, or one chunk.
    private mutating func dispatch(into pieces: inout [Piece]) throws(Failure) {
        guard let payload = data else { return }
        data = nil
        guard !isDone else { return }  // nothing after [DONE] belongs to the answer
        if payload.elementsEqual("[DONE]".utf8) {
            isDone = true
            return
        }
        let root: JSONValue
        do {
            root = try JSONRowParser.parse(bytes: payload)
        } catch {
            throw Failure(reason: "a streamed chunk is not valid JSON (\(error.description))")
        }
        guard case .object(let fields) = root else { throw Failure(reason: "a streamed chunk is not a JSON object") }
        if fields["error"] != nil, let message = OpenAIResponseDecoder.message(in: fields) {
            throw Failure(reason: "the server reported an error: \(message)")
        }
        switch fields["choices"] {
        case .array(let list)?:
            for (position, raw) in list.enumerated() { try read(raw, position: position, into: &pieces) }
        case .null?, nil:
            break  // the usage chunk: `[]`, `null` or no `choices` at all
        default:
            throw Failure(reason: "a streamed chunk's \"choices\" is not an array")
        }
        if case .object? = fields["usage"] { usage = fields["usage"] }
        if fields["timings"] != nil { isLlamaCpp = true }
    }

    /// One choice of one chunk.
    private mutating func read(_ raw: JSONValue, position: Int, into pieces: inout [Piece]) throws(Failure) {
        guard case .object(let fields) = raw else {
            throw Failure(reason: "a streamed choice is not an object")
        }
        var index = position
        if case .number(let literal)? = fields["index"] {
            guard let value = Int(literal), (0..<(1 << 20)).contains(value) else {
                throw Failure(reason: "a streamed choice's index \(literal.prefix(20)) is out of range")
            }
            index = value
        }
        var choice = choices[index] ?? Choice()
        var text: String?
        if case .object(let delta)? = fields["delta"] {
            choice.isChat = true
            switch delta["content"] {
            case .string(let content)?: text = content
            case .null?, nil: break
            default: throw Failure(reason: "a streamed choice's content is not text")
            }
            if case .string(let refusal)? = delta["refusal"], !refusal.isEmpty { choice.notText = true }
            if let calls = delta["tool_calls"], calls != .null { choice.notText = true }
        } else if case .string(let completion)? = fields["text"] {
            text = completion
        } else if fields["delta"] != nil {
            throw Failure(reason: "a streamed choice's delta is not an object")
        }
        if case .string(let reason)? = fields["finish_reason"] { choice.finishReason = reason }
        if case .object(let logprobs)? = fields["logprobs"] {
            if case .array(let content)? = logprobs["content"] {
                choice.logprobs = (choice.logprobs ?? []) + content
            } else if case .array(let tokens)? = logprobs["token_logprobs"] {
                choice.logprobs = (choice.logprobs ?? []) + tokens
            }
        }
        if let text, !text.isEmpty {
            choice.text += text
            pieces.append(Piece(index: index, text: text))
        }
        choices[index] = choice
    }
}
