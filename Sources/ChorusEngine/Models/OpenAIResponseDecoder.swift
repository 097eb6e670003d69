import Foundation

/// Reads OpenAI-compatible completion responses (chat and completions) and error bodies with
/// `JSONRowParser`, so one JSON reader serves the whole project.
enum OpenAIResponseDecoder {
    /// Why a response body could not be read as a completion.
    struct Failure: Error, Equatable {
        var reason: String
    }

    /// The choices and usage a successful response body holds; anything missing or malformed is a
    /// failure, never a sample.
    static func decode(_ body: [UInt8]) throws(Failure) -> DecodedCompletion {
        let root: JSONValue
        do {
            root = try JSONRowParser.parse(bytes: body)
        } catch {
            throw Failure(reason: "the body is not valid JSON (\(error.description))")
        }
        return try decode(root: root)
    }

    /// The choices and usage a parsed response holds (a whole body, or a stream's chunks put together).
    static func decode(root: JSONValue) throws(Failure) -> DecodedCompletion {
        guard case .object(let fields) = root else { throw Failure(reason: "the body is not a JSON object") }
        if fields["choices"] == nil, case .array(let pooled)? = fields["data"] {
            return try pooling(pooled, fields: fields)
        }
        guard case .array(let rawChoices)? = fields["choices"] else {
            if let message = message(in: fields) { throw Failure(reason: "the server reported an error: \(message)") }
            throw Failure(reason: "the body has no \"choices\" array")
        }
        guard !rawChoices.isEmpty else { throw Failure(reason: "the \"choices\" array is empty") }
        var choices: [DecodedCompletion.Choice] = []
        for (position, raw) in rawChoices.enumerated() {
            choices.append(try choice(raw, position: position))
        }
        choices.sort { $0.index < $1.index }
        var promptTokens: Int?
        var completionTokens: Int?
        if case .object(let usage)? = fields["usage"] {
            promptTokens = tokenCount(usage["prompt_tokens"])
            completionTokens = tokenCount(usage["completion_tokens"])
        }
        // llama.cpp's server adds `timings`; with n > 1 its usage counts one choice only.
        let isLlamaCpp = fields["timings"] != nil
        return DecodedCompletion(
            choices: choices, promptTokens: promptTokens, completionTokens: completionTokens, isLlamaCpp: isLlamaCpp)
    }

    /// What the server said in an error body (`{"error": {"message": …}}`, `{"message": …}`, or the
    /// text itself), on one line and at most `limit` characters.
    /// A `/pooling` answer: `data[0].data` is the reward, a number or (per-token pooling) nested
    /// lists whose last number is the reward at the last token.
    private static func pooling(_ items: [JSONValue], fields: [String: JSONValue]) throws(Failure) -> DecodedCompletion
    {
        guard case .object(let first)? = items.first, let data = first["data"] else {
            throw Failure(reason: "the pooling answer has no data[0].data")
        }
        func lastNumber(_ value: JSONValue) -> Double? {
            switch value {
            case .number(let literal): Double(literal)
            case .array(let items): items.reversed().lazy.compactMap(lastNumber).first
            default: nil
            }
        }
        guard let score = lastNumber(data), score.isFinite else {
            throw Failure(reason: "the pooling answer holds no number")
        }
        var promptTokens: Int?
        if case .object(let usage)? = fields["usage"] { promptTokens = tokenCount(usage["prompt_tokens"]) }
        let text = String(score)
        return DecodedCompletion(
            choices: [
                DecodedCompletion.Choice(index: 0, text: text, finishReason: "stop", tokenLogprobs: nil, score: score)
            ],
            promptTokens: promptTokens, completionTokens: 0, isLlamaCpp: false)
    }

    static func errorMessage(from body: [UInt8], limit: Int = 300) -> String {
        var text: String
        if case .object(let fields)? = try? JSONRowParser.parse(bytes: body), let message = message(in: fields) {
            text = message
        } else {
            text = String(decoding: body, as: UTF8.self)
        }
        text = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(
            separator: " ")
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > limit { text = String(text.prefix(limit)) + "…" }
        return text.isEmpty ? "(no message)" : text
    }

    static func message(in fields: [String: JSONValue]) -> String? {
        switch fields["error"] {
        case .object(let error)?:
            if case .string(let message)? = error["message"] { return message }
        case .string(let message)?:
            return message
        default:
            break
        }
        if case .string(let message)? = fields["message"] { return message }
        if case .string(let detail)? = fields["detail"] { return detail }
        return nil
    }

    private static func choice(_ raw: JSONValue, position: Int) throws(Failure) -> DecodedCompletion.Choice {
        guard case .object(let fields) = raw else { throw Failure(reason: "choice \(position) is not an object") }
        let index = integer(fields["index"]) ?? position
        let text: String
        if case .string(let completion)? = fields["text"] {
            text = completion
        } else if case .object(let message)? = fields["message"] {
            // A null or missing content is no answer (a refusal, a tool call, a server fault), never an
            // empty sample: the request fails, is retried, and nothing is stored.
            switch message["content"] {
            case .string(let content)?: text = content
            case .null?: throw Failure(reason: "choice \(position) has a null content")
            case nil: throw Failure(reason: "choice \(position) has a message without content")
            default: throw Failure(reason: "choice \(position) has a message whose content is not text")
            }
        } else {
            throw Failure(reason: "choice \(position) has neither \"text\" nor \"message\"")
        }
        var finishReason: String?
        if case .string(let reason)? = fields["finish_reason"] { finishReason = reason }
        return DecodedCompletion.Choice(
            index: index, text: text, finishReason: finishReason, tokenLogprobs: tokenLogprobs(fields["logprobs"]))
    }

    /// The chosen tokens' log-probabilities: `logprobs.content[*].logprob` (chat, and llama.cpp's
    /// completions) or `logprobs.token_logprobs` (completions); nil when none came back.
    private static func tokenLogprobs(_ raw: JSONValue?) -> [Double]? {
        guard case .object(let logprobs)? = raw else { return nil }
        if case .array(let content)? = logprobs["content"] {
            let values = content.compactMap { entry -> Double? in
                guard case .object(let token) = entry else { return nil }
                return double(token["logprob"])
            }
            return values.count == content.count ? values : nil
        }
        if case .array(let tokens)? = logprobs["token_logprobs"] {
            // A null stands for a token with no probability (an echoed prompt's first); it is not generated.
            return tokens.compactMap { double($0) }
        }
        return nil
    }

    private static func integer(_ value: JSONValue?) -> Int? {
        guard case .number(let literal)? = value else { return nil }
        return Int(literal) ?? Double(literal).flatMap { $0.isFinite ? Int(exactly: $0.rounded()) : nil }
    }

    /// A usage count the server could have meant: 0 to 2^32 tokens. A negative or absurd one is
    /// ignored (no count), since summing and splitting it would overflow.
    private static func tokenCount(_ value: JSONValue?) -> Int? {
        integer(value).flatMap { (0...(1 << 32)).contains($0) ? $0 : nil }
    }

    private static func double(_ value: JSONValue?) -> Double? {
        guard case .number(let literal)? = value else { return nil }
        return Double(literal)
    }
}
