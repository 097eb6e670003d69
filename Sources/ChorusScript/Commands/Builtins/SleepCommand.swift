/// `sleep`: waits, and stops early on Ctrl-C.
struct SleepCommand: Command {
    let signature = CommandSignature(
        name: "sleep", group: .session, summary: "Waits a number of seconds (Ctrl-C stops it).",
        parameters: [.positional("seconds", .number, "how long to wait")],
        discussion: """
            Pauses the script. Useful to pace requests to a shared server, and to \
            try out Ctrl-C: the wait stops, and the session keeps everything.
            """,
        examples: ["sleep 0.5"])

    func run(_ invocation: Invocation) async throws -> Value {
        let seconds = invocation.double("seconds")
        guard seconds >= 0, seconds <= 86_400 else {
            throw invocation.error("`seconds` must be between 0 and 86400, not \(seconds)", at: "seconds")
        }
        try await invocation.session.clock.sleep(seconds: seconds)
        return .none
    }
}
