/// The reward an RL trainer gives one response against a gold answer: full for a correct answer in
/// the required format, a little for the format with a wrong answer, and the rest for no format.
///
/// The trainers reach this same function through `chorus_reward.py`, a thin adapter that drives
/// `chorus grade --serve`; `Tests/Fixtures/reward-cases.jsonl` checks the adapter end to end.
/// A truncated response (see ``TruncationCheck``) has no answer in the format: it scores the
/// preset's `unformatted` reward unless the truncation policy is ``TruncationPolicy/grade``.
public struct RewardFunction: Sendable {
    /// Where a response must put its answer to count as formatted.
    public enum AnswerFormat: String, Sendable, CaseIterable {
        /// SSA's `<answer>…</answer>` (a `\boxed{}` inside it is unwrapped).
        case answerTag = "answer_tag"
        /// GSR's `\boxed{…}`.
        case boxed

        /// The extraction that reads this format first (an answer found another way is no answer).
        public var extraction: ExtractionOptions {
            switch self {
            case .answerTag:
                ExtractionOptions(hashes: false, phrase: false, lastNumber: false, answerTagFirst: true)
            case .boxed: .boxedOnly
            }
        }

        /// The extraction method an answer in this format is found by.
        public var method: ExtractionMethod {
            switch self {
            case .answerTag: .answerTag
            case .boxed: .boxed
            }
        }
    }

    /// The three reward levels.
    public struct Preset: Sendable, Equatable {
        /// The preset's name (`paper`, `shaped`).
        public let name: String
        /// Reward for a correct answer in the format.
        public let correct: Double
        /// Reward for an answer in the format that is wrong or unreadable.
        public let formatted: Double
        /// Reward for a response with no answer in the format.
        public let unformatted: Double

        /// Creates a preset.
        public init(name: String, correct: Double, formatted: Double, unformatted: Double) {
            self.name = name
            self.correct = correct
            self.formatted = formatted
            self.unformatted = unformatted
        }

        /// SSA's reward: 1.0 correct, 0.05 for the right format with a wrong answer, 0 otherwise.
        public static let paper = Preset(name: "paper", correct: 1.0, formatted: 0.05, unformatted: 0.0)
        /// Zero-centred shaping: 1.0 correct, 0 for a wrong answer in format, −1.0 for a missing format.
        public static let shaped = Preset(name: "shaped", correct: 1.0, formatted: 0.0, unformatted: -1.0)
        /// The presets by name.
        public static let all: [Preset] = [.paper, .shaped]

        /// The preset with this name, if any.
        public static func named(_ name: String) -> Preset? { all.first { $0.name == name } }
    }

    /// How one response scored; only `score` makes one.
    public struct Outcome: Sendable, Equatable {
        /// The reward.
        public let reward: Double
        /// Whether the response holds an answer in the format.
        public let formatted: Bool
        /// Whether that answer equals the gold answer.
        public let correct: Bool
        /// The answer found in the format, if any.
        public let extracted: String?
        /// Whether the response was cut off (and so scored as unformatted).
        public let truncated: Bool
    }

    /// The reward levels.
    public let preset: Preset
    /// Where answers must be.
    public let format: AnswerFormat
    /// What a cut-off response scores: `unformatted` (`.separate`, the default), or as usual (`.grade`).
    public let truncation: TruncationPolicy
    /// The grader restricted to the format.
    private let grader: Grader

    /// Creates a reward function.
    public init(
        preset: Preset = .paper, format: AnswerFormat = .answerTag, equivalence: AnswerEquivalence = .init(),
        truncation: TruncationPolicy = .separate
    ) {
        self.preset = preset
        self.format = format
        self.truncation = truncation
        self.grader = Grader(extraction: format.extraction, equivalence: equivalence)
    }

    /// The reward for `response` against `gold`; `finishReason` (`stop`, `length`) when the trainer knows it.
    public func score(response: String, gold: String, finishReason: String? = nil) -> Outcome {
        score(response: response, gold: GoldAnswer(gold), finishReason: finishReason)
    }

    /// The reward for `response` against a gold answer parsed once.
    public func score(response: String, gold: GoldAnswer, finishReason: String? = nil) -> Outcome {
        let grade = grader.grade(response: response, gold: gold, finishReason: finishReason, truncation: truncation)
        if grade.bucket == .truncated {
            return Outcome(
                reward: preset.unformatted, formatted: false, correct: false, extracted: nil, truncated: true)
        }
        guard let extracted = grade.extracted, extracted.method == format.method else {
            return Outcome(
                reward: preset.unformatted, formatted: false, correct: false, extracted: nil, truncated: false)
        }
        let correct = grade.isCorrect
        return Outcome(
            reward: correct ? preset.correct : preset.formatted, formatted: true, correct: correct,
            extracted: extracted.text, truncated: false)
    }
}
