/// `help`: lists the commands by purpose, or explains one command.
struct HelpCommand: Command {
    static let command = ParameterKey<String?>.positional("command", "the command to explain", type: .commandName)

    let signature = CommandSignature(
        name: "help", group: .session, summary: "Lists the commands, or shows one command's help.",
        parameters: [Self.command],
        discussion: """
            Without an argument, lists every command grouped by purpose. With a \
            command's name, shows its usage, parameters, and examples. In the REPL, \
            `?name` does the same. `help syntax` summarises the language; `help for` \
            explains loops (sweeps). On a terminal, lines wrap to its width.
            """,
        examples: ["help", "help print", "help syntax", "help for"], isRecorded: false)

    func run(_ invocation: Invocation) async throws -> Value {
        let registry = invocation.session.registry
        let output = invocation.session.output
        // Lines break at spaces to fit a terminal; a pipe gets them whole.
        let show = { (text: String) in output.write(HelpText.wrap(text, width: output.terminalWidth)) }
        guard let name = invocation[Self.command] else {
            show(HelpText.overview(registry))
            return .none
        }
        if name == "syntax" {
            show(HelpText.syntax)
            return .none
        }
        if name == "for" || name == "end" {
            show(HelpText.loops)
            return .none
        }
        guard let command = registry.command(named: name) else {
            throw invocation.error(
                "there is no command `\(name)`", at: Self.command,
                hint: Suggestions.closest(to: name, among: registry.names).map { "did you mean `\($0)`?" }
                    ?? "type `help` to list the commands")
        }
        show(HelpText.detail(command.signature))
        return .none
    }
}
