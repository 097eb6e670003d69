import ChorusEngine

/// The grading parameters the commands that grade share (`tolerance:`, `truncated:`), declared
/// once, and the ``Grader`` and ``AnswerClassifier`` they give.
struct GradingOptions: ParameterList {
    /// The relative tolerance for inexact numbers.
    static let tolerance = ParameterKey<Double>.named(
        "tolerance", "relative tolerance for inexact numbers when grading", default: 1e-6,
        in: .from(0, below: 1, hint: "it is relative: 1e-6 accepts 3.1415926 for \\pi"))

    /// What a response cut off before it finished gets (docs/grading.md, "Truncation").
    static let truncated = ParameterKey<TruncationPolicy>.named(
        "truncated",
        "a cut-off response: `separate` (counted apart, never voted or correct) or `grade` (graded as usual)",
        default: .separate)

    /// The group as a command's signature lists it.
    static let group = GradingOptions()

    var parameters: [Parameter] { Self.tolerance.parameters + Self.truncated.parameters }

    /// A grader with the invocation's tolerance.
    static func grader(_ invocation: Invocation, extraction: ExtractionOptions = .all) -> Grader {
        Grader(extraction: extraction, equivalence: AnswerEquivalence(relativeTolerance: invocation[tolerance]))
    }

    /// A classifier with the invocation's grader and `truncated:` (`separate` when the command does
    /// not take it).
    static func classifier(_ invocation: Invocation, extraction: ExtractionOptions = .all) -> AnswerClassifier {
        AnswerClassifier(grader: grader(invocation, extraction: extraction), truncation: invocation[truncated])
    }
}

extension TruncationPolicy: ParameterChoice {}
