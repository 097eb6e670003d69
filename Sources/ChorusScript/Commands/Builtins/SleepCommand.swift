/// `sleep`: waits, and stops early on Ctrl-C.
struct SleepCommand: Command {
    static let seconds = ParameterKey<Double>.positional("seconds", "how long to wait", in: .between(0, 86_400))

    let signature = CommandSignature(
        name: "sleep", group: .session, summary: "Waits a number of seconds (Ctrl-C stops it).",
        parameters: [Self.seconds],
        discussion: """
            Pauses the script. Useful to pace requests to a shared server, and to \
            try out Ctrl-C: the wait stops, and the session keeps everything.
            """,
        examples: ["sleep 0.5"])

    func run(_ invocation: Invocation) async throws -> Value {
        try await invocation.session.clock.sleep(seconds: invocation[Self.seconds])
        return .none
    }
}
