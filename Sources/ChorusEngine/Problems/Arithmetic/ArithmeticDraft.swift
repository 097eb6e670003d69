/// What a template writes before the generator adds the id, the gold text and the final boxed line.
struct ArithmeticDraft: Sendable {
    var question: String
    /// The worked steps, without the closing `The answer is …` sentence.
    var steps: String
    var answer: Rational
    var quantities: [String: Int]
}
