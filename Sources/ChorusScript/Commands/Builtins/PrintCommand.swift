/// `print`: writes values, strings as they are, separated by spaces.
struct PrintCommand: Command {
    static let values = ParameterKey<[Value]>.variadic("values", "the values to print")

    let signature = CommandSignature(
        name: "print", group: .values, summary: "Prints values on one line, strings without quotes.",
        parameters: [Self.values],
        discussion: """
            Writes its arguments separated by spaces, then a newline. Strings are \
            written as they are; other values as they would be typed.
            """,
        examples: ["print \"accuracy:\" 0.75", "print [1, 2, 3] {k: 5}"])

    func run(_ invocation: Invocation) async throws -> Value {
        let text = invocation[Self.values].map(\.printText).joined(separator: " ")
        invocation.session.output.write(text + "\n")
        return .none
    }
}
