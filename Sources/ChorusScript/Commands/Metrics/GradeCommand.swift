import ChorusEngine

/// `grade`: what answer a response gives, and whether it matches a gold answer.
struct GradeCommand: Command {
    static let response = ParameterKey<String>.positional("response", "the full response text")
    static let gold = ParameterKey<String>.positional("gold", "the gold answer")

    let signature = CommandSignature(
        name: "grade", group: .metrics, summary: "Extracts a response's answer and compares it with a gold answer.",
        parameters: [Self.response, Self.gold, GradingOptions.group],
        discussion: """
            Shows how Chorus reads a response: the extracted answer, how it was \
            found (boxed, <answer> tag, ####, "the answer is", last number), and \
            the bucket: match, mismatch, or unparseable (no answer Chorus can read). \
            See docs/grading.md for the rules.
            """,
        examples: ["grade 'so the answer is \\\\boxed{\\\\frac{1}{2}}' \"0.5\"", "grade \"#### 1,000\" \"1000\""])

    func run(_ invocation: Invocation) async throws -> Value {
        let grader = GradingOptions.grader(invocation)
        let grade = grader.grade(response: invocation[Self.response], gold: invocation[Self.gold])
        return .record(
            Record([
                (key: "extracted", value: grade.extracted.map { .string($0.text) } ?? .none),
                (key: "method", value: grade.extracted.map { .string("\($0.method)") } ?? .none),
                (key: "bucket", value: .string("\(grade.bucket)")),
            ]))
    }
}
