/// One OpenAI-compatible response as the server gave it, before it becomes samples.
struct DecodedCompletion: Sendable, Equatable {
    /// One choice of the response.
    struct Choice: Sendable, Equatable {
        var index: Int
        var text: String
        var finishReason: String?
        /// The chosen tokens' log-probabilities, one per generated token, when they came back.
        var tokenLogprobs: [Double]?
        /// A reward model's score for the conversation (pooling responses only).
        var score: Double?
    }

    var choices: [Choice]
    var promptTokens: Int?
    var completionTokens: Int?
    /// Whether the server is llama.cpp's (it adds `timings`), whose usage counts one choice only.
    var isLlamaCpp: Bool

    /// The choices as samples, with their share of the bill and how exact the token counts are.
    ///
    /// Prompt tokens: the prompt is evaluated and billed once per response, so the first sample
    /// carries the whole prompt bill and the others 0; summing samples gives the bill.
    ///
    /// Completion tokens, most exact first: one log-probability per generated token; the usage when
    /// there is one choice; the usage split in proportion to each text's length (largest remainder,
    /// so the shares add up to the usage) when the server counted all choices together; none when
    /// llama.cpp counted one choice of several.
    func samples(latency: Double) -> (samples: [Sample], cost: Cost, accounting: CompletionResponse.TokenAccounting) {
        let counts: [Int?]
        var accounting: CompletionResponse.TokenAccounting
        if !choices.isEmpty, choices.allSatisfy({ $0.tokenLogprobs != nil }) {
            counts = choices.map { $0.tokenLogprobs?.count }
            accounting = .exact
        } else if choices.count == 1 {
            counts = [completionTokens]
            accounting = .exact
        } else if isLlamaCpp || completionTokens == nil {
            counts = choices.map { _ in nil }
            accounting = .lowerBound
        } else {
            counts = Self.share(completionTokens ?? 0, byLengths: choices.map { $0.text.utf8.count })
            accounting = .estimated
        }
        if counts.contains(where: { $0 == nil }) { accounting = .lowerBound }
        var samples: [Sample] = []
        for (position, choice) in choices.enumerated() {
            let logprobs = choice.tokenLogprobs ?? []
            samples.append(
                Sample(
                    text: choice.text, finishReason: choice.finishReason,
                    promptTokens: promptTokens.map { position == 0 ? $0 : 0 }, completionTokens: counts[position],
                    latency: latency,
                    meanLogProbability: logprobs.isEmpty ? nil : logprobs.reduce(0, +) / Double(logprobs.count),
                    score: choice.score))
        }
        let counted = counts.compactMap { $0 }
        let completion = counted.count == counts.count && !counts.isEmpty ? counted.reduce(0, +) : completionTokens ?? 0
        let cost = Cost(calls: 1, promptTokens: promptTokens ?? 0, completionTokens: completion)
        return (samples, cost, accounting)
    }

    /// `total` split in proportion to `lengths` by largest remainder, so the parts add up to `total`.
    static func share(_ total: Int, byLengths lengths: [Int]) -> [Int?] {
        guard !lengths.isEmpty else { return [] }
        let sum = lengths.reduce(0, +)
        // Texts all empty: split evenly rather than divide by zero.
        let weights = sum == 0 ? lengths.map { _ in 1 } : lengths
        let weightSum = weights.reduce(0, +)
        var parts = weights.map { total * $0 / weightSum }
        let remainders = weights.enumerated().map { (offset: $0.offset, rest: total * $0.element % weightSum) }
        var left = total - parts.reduce(0, +)
        for entry in remainders.sorted(by: { $0.rest != $1.rest ? $0.rest > $1.rest : $0.offset < $1.offset })
        where left > 0 {
            parts[entry.offset] += 1
            left -= 1
        }
        return parts
    }
}
