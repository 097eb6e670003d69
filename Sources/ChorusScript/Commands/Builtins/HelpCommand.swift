/// `help`: lists the commands by purpose, or explains one command.
struct HelpCommand: Command {
    let signature = CommandSignature(
        name: "help", group: .session, summary: "Lists the commands, or shows one command's help.",
        parameters: [.positional("command", .commandName, "the command to explain", default: Value.none)],
        discussion: """
            Without an argument, lists every command grouped by purpose. With a \
            command's name, shows its usage, parameters, and examples. In the REPL, \
            `?name` does the same. `help syntax` summarises the language.
            """,
        examples: ["help", "help print", "help syntax"], isRecorded: false)

    func run(_ invocation: Invocation) async throws -> Value {
        let registry = invocation.session.registry
        let output = invocation.session.output
        guard invocation.isGiven("command") else {
            output.write(HelpText.overview(registry))
            return .none
        }
        let name = invocation.string("command")
        if name == "syntax" {
            output.write(HelpText.syntax)
            return .none
        }
        guard let command = registry.command(named: name) else {
            throw invocation.error(
                "there is no command `\(name)`", at: "command",
                hint: Suggestions.closest(to: name, among: registry.names).map { "did you mean `\($0)`?" }
                    ?? "type `help` to list the commands")
        }
        output.write(HelpText.detail(command.signature))
        return .none
    }
}
