/// `timer`: shows the wall time of every statement, or stops showing it.
struct TimerCommand: Command {
    static let state = ParameterKey<State?>.positional("state", "`on` to time each statement, `off` to stop")

    let signature = CommandSignature(
        name: "timer", group: .session, summary: "Turns the per-statement timer on or off.",
        parameters: [Self.state],
        discussion: """
            With the timer on, every statement is followed by `time: …`, its wall \
            time, on standard error. Without an argument, shows whether it is on.
            """,
        examples: ["timer on", "timer off"], isRecorded: false)

    func run(_ invocation: Invocation) async throws -> Value {
        let session = invocation.session
        if let state = invocation[Self.state] {
            await session.setTimer(state == .on)
        }
        let isOn = await session.isTimerOn
        session.output.write("timer is \(isOn ? "on" : "off")\n")
        return .none
    }

    /// The timer's two states.
    enum State: String, ParameterChoice {
        case on
        case off
    }
}
