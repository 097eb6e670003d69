import ChorusEngine

/// The grading settings commands share (`tolerance:`, `truncated:`), turned into a ``Grader``.
enum GradingOptions {
    /// `truncated:`: what a response cut off before it finished gets (docs/grading.md, "Truncation").
    static let truncatedParameter = Parameter.named(
        "truncated", .choice(TruncationPolicy.allCases.map(\.rawValue)),
        "a cut-off response: `separate` (counted apart, never voted or correct) or `grade` (graded as usual)",
        default: .string(TruncationPolicy.separate.rawValue))

    /// The invocation's `truncated:` (`separate` when the command does not take it).
    static func truncation(_ invocation: Invocation) -> TruncationPolicy {
        TruncationPolicy(rawValue: invocation.string("truncated")) ?? .separate
    }

    /// A classifier with the invocation's grader and `truncated:`.
    static func classifier(_ invocation: Invocation, extraction: ExtractionOptions = .init()) throws -> AnswerClassifier {
        AnswerClassifier(grader: try grader(invocation, extraction: extraction), truncation: truncation(invocation))
    }

    /// A grader with the invocation's `tolerance:`; rejects a negative or non-finite tolerance.
    static func grader(_ invocation: Invocation, extraction: ExtractionOptions = .init()) throws -> Grader {
        let tolerance = invocation.double("tolerance")
        guard tolerance.isFinite, tolerance >= 0, tolerance < 1 else {
            throw invocation.error(
                "`tolerance` must be at least 0 and below 1, not \(NumberFormatting.shortest(tolerance))", at: "tolerance",
                hint: "it is relative: 1e-6 accepts 3.1415926 for \\pi")
        }
        return Grader(extraction: extraction, equivalence: AnswerEquivalence(relativeTolerance: tolerance))
    }
}
