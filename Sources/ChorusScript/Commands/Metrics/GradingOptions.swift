import ChorusEngine

/// The grading settings commands share (`tolerance:`), turned into a ``Grader``.
enum GradingOptions {
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
