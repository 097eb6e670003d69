import ChorusEngine

/// `grade`: what answer a response gives, and whether it matches a gold answer.
struct GradeCommand: Command {
    static let response = ParameterKey<String>.positional("response", "the full response text")
    static let gold = ParameterKey<String>.positional("gold", "the gold answer")

    let signature = CommandSignature(
        name: "grade", group: .metrics, summary: "Extracts a response's answer and compares it with a gold answer.",
        parameters: [Self.response, Self.gold, GradingOptions.tolerance],
        discussion: """
            Shows how Chorus reads a response: the extracted answer, how it was \
            found (boxed, <answer> tag, ####, "the answer is", last number), how \
            the answer and the gold parsed (their normalised forms), and the \
            bucket with its reason: match, mismatch, unparseable (no answer \
            Chorus can read), or truncated (the response ends inside an unclosed \
            box or tag). The view is printed; the value is a record of the same. \
            See docs/grading.md for the rules.
            """,
        examples: ["grade 'so the answer is \\\\boxed{\\\\frac{1}{2}}' \"0.5\"", "grade \"#### 1,000\" \"1000\""])

    func run(_ invocation: Invocation) async throws -> Value {
        let grader = GradingOptions.grader(invocation)
        let response = invocation[Self.response]
        let gold = invocation[Self.gold]
        let explained = GradeExplanation(grader: grader, response: response, gold: gold)
        invocation.session.output.write(Self.view(explained, response: response, gold: gold))
        let grade = explained.grade
        return .record(
            Record([
                (key: "extracted", value: grade.extracted.map { .string($0.text) } ?? .none),
                (key: "method", value: grade.extracted.map { .string($0.method.rawValue) } ?? .none),
                (key: "bucket", value: .string(grade.bucket.rawValue)),
                (key: "parsed", value: explained.parsedForm.map(Value.string) ?? .none),
                (key: "gold_parsed", value: explained.goldForm.map(Value.string) ?? .none),
                (key: "reason", value: .string(explained.reason)),
            ]))
    }

    /// The grading read aloud, one line per step: what was extracted and by which rule, how each
    /// side parsed (its normalised form), and the verdict with its reason.
    static func view(_ explained: GradeExplanation, response: String, gold: String) -> String {
        let grade = explained.grade
        let extracted = grade.extracted.map { "\(Value.quote($0.text)) (rule: \($0.method.rawValue))" } ?? "nothing"
        let rows = [
            ("response", Value.quote(Self.tail(response, 60))),
            ("extracted", extracted),
            ("parsed", explained.parsedForm ?? (grade.extracted == nil ? "-" : "does not parse")),
            ("gold", Value.quote(gold) + " parsed as " + (explained.goldForm ?? "nothing (compared as text)")),
            ("verdict", grade.bucket.rawValue + ": " + explained.reason),
        ]
        return rows.map { "  " + $0.0 + String(repeating: " ", count: 10 - $0.0.count) + $0.1 + "\n" }.joined()
    }

    /// The last `count` characters of `text`, with an ellipsis in front when cut.
    private static func tail(_ text: String, _ count: Int) -> String {
        text.count <= count ? text : "…" + String(text.suffix(count - 1))
    }
}
