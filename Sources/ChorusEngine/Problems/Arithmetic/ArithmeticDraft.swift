/// What a template writes before the generator adds the id, the gold text and the final boxed line.
struct ArithmeticDraft: Sendable {
    var question: String
    /// The worked steps, without the closing `The answer is …` sentence.
    var steps: String
    var answer: Rational
    var quantities: [String: Int]
}

extension ArithmeticDraft {
    /// A draft whose question is a scene from a template's list: the situation, then what is asked.
    init(scene: (situation: String, ask: String), steps: String, answer: Rational, quantities: [String: Int]) {
        self.init(question: "\(scene.situation) \(scene.ask)", steps: steps, answer: answer, quantities: quantities)
    }
}
