import Foundation

/// What a learned aggregator knows of one answer class of a problem: numbers computed from the
/// class's samples alone, never from the gold answer.
public enum ClassFeatures {
    /// The features' names, in the order of `features(of:)`'s vectors.
    public static let names = [
        "vote_share",  // the class's samples / parseable samples
        "is_plurality",  // 1 when no class has more samples
        "rank",  // 1 / (1 + classes with more samples)
        "first_position",  // 1 − (earliest member's index / samples)
        "mean_logprob",  // mean of members' mean token log-probabilities (0 when unknown)
        "min_logprob",  // the lowest of them (0 when unknown)
        "has_logprob",  // 1 when the samples carry log-probabilities
        "relative_length",  // members' mean completion length / the problem's mean length
        "truncated_share",  // members that stopped at the length limit
        "reasoning_agreement",  // mean word-set overlap (Jaccard) between members' texts
        "integer_answer",  // 1 when the answer is a whole number
        "mean_score",  // members' mean scorer rating (0 when unscored)
    ]

    /// One vector per class of `problem`, in class order.
    public static func features(of problem: GradedProblem) -> [[Double]] {
        let parseable = problem.graded.count { $0.classIndex != nil }
        guard parseable > 0 else { return [] }
        let counts = problem.classes.map(\.members.count)
        let largest = counts.max() ?? 0
        let lengths = problem.samples.map { Double($0.completionTokens ?? ($0.text.utf8.count + 3) / 4) }
        let meanLength = max(1, lengths.reduce(0, +) / Double(max(1, lengths.count)))
        return problem.classes.map { answerClass in
            let members = answerClass.members
            let samples = members.map { problem.samples[$0] }
            let logProbabilities = samples.compactMap(\.meanLogProbability)
            let scores = samples.compactMap(\.score)
            let memberLength = members.map { lengths[$0] }.reduce(0, +) / Double(members.count)
            return [
                Double(members.count) / Double(parseable),
                members.count == largest ? 1 : 0,
                1 / Double(1 + counts.count { $0 > members.count }),
                1 - Double(members.min() ?? 0) / Double(problem.samples.count),
                logProbabilities.isEmpty ? 0 : logProbabilities.reduce(0, +) / Double(logProbabilities.count),
                logProbabilities.min() ?? 0,
                logProbabilities.isEmpty ? 0 : 1,
                memberLength / meanLength,
                Double(samples.count { $0.finishReason == "length" }) / Double(samples.count),
                agreement(samples.prefix(6).map(\.text)),
                isWholeNumber(answerClass.answer) ? 1 : 0,
                scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count),
            ]
        }
    }

    /// Mean pairwise Jaccard overlap of the texts' lowercased word sets; 1 for a single text.
    static func agreement(_ texts: [String]) -> Double {
        guard texts.count > 1 else { return 1 }
        let sets = texts.map { Set($0.lowercased().split { !$0.isLetter && !$0.isNumber }) }
        var total = 0.0
        var pairs = 0
        for i in sets.indices {
            for j in sets.indices where j > i {
                let union = sets[i].union(sets[j]).count
                total += union == 0 ? 1 : Double(sets[i].intersection(sets[j]).count) / Double(union)
                pairs += 1
            }
        }
        return total / Double(pairs)
    }

    /// Whether the answer is an exact whole number (its canonical key is an exact value with no `/`).
    static func isWholeNumber(_ answer: String) -> Bool {
        guard let key = AnswerParser.parse(answer)?.canonicalKey, key.hasPrefix("q:") else { return false }
        return !key.contains("/")
    }
}
