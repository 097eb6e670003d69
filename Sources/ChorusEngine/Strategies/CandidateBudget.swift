/// A limit on how long the candidates of one prompt may be together, and what happens above it.
///
/// Lengths are estimated at 4 UTF-8 bytes per token (no tokenizer runs here); the estimate is the
/// same on every run, so the same candidates always give the same prompt.
public struct CandidateBudget: Sendable, Equatable {
    /// The most estimated tokens all candidates of a prompt may take.
    public var maxTokens: Int
    /// What happens above it.
    public var policy: Policy

    /// What to do with candidates over the budget.
    public enum Policy: String, Sendable, CaseIterable {
        /// Cut each candidate to an equal share, keeping its end (where the answer is).
        case truncate
        /// Leave the prompt out: the problem gets no combined answer from it.
        case skip
    }

    /// Creates a budget.
    public init(maxTokens: Int, policy: Policy = .truncate) {
        self.maxTokens = max(1, maxTokens)
        self.policy = policy
    }

    /// The estimated token count of a text.
    public static func estimatedTokens(_ text: String) -> Int { (text.utf8.count + 3) / 4 }

    /// The candidates to show, and whether they had to be cut; nil when the policy skips them.
    public func fit(_ candidates: [String]) -> (texts: [String], truncated: Bool)? {
        let total = candidates.reduce(0) { $0 + Self.estimatedTokens($1) }
        guard total > maxTokens else { return (candidates, false) }
        guard policy == .truncate else { return nil }
        let share = max(1, maxTokens / max(1, candidates.count)) * 4
        let texts = candidates.map { text -> String in
            guard text.utf8.count > share else { return text }
            // Keep the last `share` bytes, starting on a character boundary.
            var start = text.utf8.index(text.utf8.endIndex, offsetBy: -share)
            while start < text.utf8.endIndex, String.Index(start, within: text) == nil {
                text.utf8.formIndex(after: &start)
            }
            return "[…] " + text[start...]
        }
        return (texts, true)
    }
}
