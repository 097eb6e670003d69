/// `quit`: ends the session (Ctrl-D does the same at the prompt).
struct QuitCommand: Command {
    let signature = CommandSignature(
        name: "quit", group: .session, summary: "Ends the session.",
        discussion: """
            Ends the REPL, or stops a script at this line. Everything already \
            sampled is in the store; use `save` first to keep the session as a script.
            """,
        examples: ["quit"], isRecorded: false)

    func run(_ invocation: Invocation) async throws -> Value {
        await invocation.session.requestQuit()
        return .none
    }
}
