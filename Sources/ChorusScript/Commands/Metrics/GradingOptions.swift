import ChorusEngine

/// The grading parameter the commands that grade share (`tolerance:`), declared once, and the
/// ``Grader`` it gives.
struct GradingOptions: ParameterList {
    /// The relative tolerance for inexact numbers.
    static let tolerance = ParameterKey<Double>.named(
        "tolerance", "relative tolerance for inexact numbers when grading", default: 1e-6,
        in: .from(0, below: 1, hint: "it is relative: 1e-6 accepts 3.1415926 for \\pi"))

    /// The group as a command's signature lists it.
    static let group = GradingOptions()

    var parameters: [Parameter] { Self.tolerance.parameters }

    /// A grader with the invocation's tolerance.
    static func grader(_ invocation: Invocation, extraction: ExtractionOptions = .init()) -> Grader {
        Grader(extraction: extraction, equivalence: AnswerEquivalence(relativeTolerance: invocation[tolerance]))
    }
}
