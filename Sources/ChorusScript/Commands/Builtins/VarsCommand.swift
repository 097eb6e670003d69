import ChorusEngine

/// `vars`: lists the session's variables with their types and one-line summaries.
struct VarsCommand: Command {
    let signature = CommandSignature(
        name: "vars", group: .session, summary: "Lists the variables with their types and summaries.",
        discussion: "Shows each variable in the order it was first assigned, with its type and a one-line summary.",
        examples: ["x = 3\nvars"], isRecorded: false)

    func run(_ invocation: Invocation) async throws -> Value {
        let variables = await invocation.session.variableList
        guard !variables.isEmpty else {
            invocation.session.output.write("no variables yet; assign one with `name = value`\n")
            return .none
        }
        let rows = variables.map { [$0.name, $0.value.typeName, $0.value.summary] }
        invocation.session.output.write(TextTable(header: ["name", "type", "value"], rows: rows).rendered)
        return .none
    }
}
