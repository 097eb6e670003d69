import ChorusEngine

/// `grade`: what answer a response gives, and whether it matches a gold answer.
struct GradeCommand: Command {
    let signature = CommandSignature(
        name: "grade", group: .metrics, summary: "Extracts a response's answer and compares it with a gold answer.",
        parameters: [
            .positional("response", .string, "the full response text"),
            .positional("gold", .string, "the gold answer"),
            .named("tolerance", .number, "relative tolerance for inexact numbers", default: .double(1e-6)),
        ],
        discussion: """
            Shows how Chorus reads a response: the extracted answer, how it was \
            found (boxed, <answer> tag, ####, "the answer is", last number), and \
            the bucket: match, mismatch, or unparseable (no answer Chorus can read). \
            See docs/grading.md for the rules.
            """,
        examples: ["grade 'so the answer is \\\\boxed{\\\\frac{1}{2}}' \"0.5\"", "grade \"#### 1,000\" \"1000\""])

    func run(_ invocation: Invocation) async throws -> Value {
        let grader = try GradingOptions.grader(invocation)
        let grade = grader.grade(response: invocation.string("response"), gold: invocation.string("gold"))
        return .record(
            Record([
                (key: "extracted", value: grade.extracted.map { .string($0.text) } ?? .none),
                (key: "method", value: grade.extracted.map { .string("\($0.method)") } ?? .none),
                (key: "bucket", value: .string("\(grade.bucket)")),
            ]))
    }
}
