import ChorusEngine
import ChorusTestSupport
import Testing

@testable import ChorusScript

/// A command that moves a manual clock forward, standing in for slow work.
private struct TickCommand: Command {
    static let seconds = ParameterKey<Double>.positional("seconds", "how far")

    let clock: ManualClock
    let signature = CommandSignature(
        name: "tick", group: .session, summary: "Moves the test clock.",
        parameters: [Self.seconds], discussion: "Test only.", examples: ["tick 1"])

    func run(_ invocation: Invocation) async throws -> Value {
        clock.advance(by: invocation[Self.seconds])
        return .none
    }
}

private func timedHarness() -> Harness {
    let clock = ManualClock(seconds: 100)
    var registry = CommandRegistry.standard
    registry.register(TickCommand(clock: clock))
    return Harness(registry: registry, clock: clock)
}

@Suite("timer")
struct TimerCommandTests {
    @Test func showsTheStateWithoutAnArgument() async {
        let harness = await Harness.running("timer")
        #expect(harness.output.output == "timer is off\n")
        #expect(await harness.session.isTimerOn == false)
        #expect(harness.output.error == "")
    }

    @Test func timesEveryStatementWhileOn() async {
        let harness = timedHarness()
        await harness.run("timer on\ntick 1.5\ntick 0.25\ntick 125\ntick 3720\nx = 1")
        #expect(await harness.session.isTimerOn)
        #expect(harness.output.output == "timer is on\n")
        #expect(harness.output.error == "time: 1.50 s\ntime: 250 ms\ntime: 2 min 05 s\ntime: 1 h 02 min\ntime: 0 ms\n")
    }

    @Test func timerOffStopsTiming() async {
        let harness = timedHarness()
        await harness.run("timer on\ntimer off\ntick 2")
        #expect(harness.output.output == "timer is on\ntimer is off\n")
        #expect(harness.output.error == "")
        #expect(await harness.session.isTimerOn == false)
    }

    @Test func stateWithoutArgumentAfterTurningOn() async {
        let harness = await Harness.running("timer on\ntimer")
        #expect(harness.output.output == "timer is on\ntimer is on\n")
        // Turning the timer on is not timed; asking for its state is.
        #expect(harness.output.error == "time: 0 ms\n")
    }

    @Test func failedStatementsAreTimedAfterTheirDiagnostic() async {
        let harness = timedHarness()
        await harness.run("timer on\nnope\ny = )")
        #expect(
            harness.output.error == """
                t.chorus:2:1: error: no variable or command is named `nope`
                2 | nope
                  | ^~~~
                time: 0 ms
                t.chorus:3:5: error: expected a value after `=`
                3 | y = )
                  |     ^

                """)
    }

    @Test func timerStaysOnAcrossExecutions() async {
        let harness = timedHarness()
        await harness.run("timer on")
        await harness.run("tick 0.5")
        #expect(harness.output.error == "time: 500 ms\n")
    }

    @Test func setTimerDirectly() async {
        let harness = timedHarness()
        await harness.session.setTimer(true)
        await harness.run("tick 59.5")
        #expect(harness.output.error == "time: 59.50 s\n")
    }

    @Test func timerIsNotRecorded() async {
        let harness = await Harness.running("timer on\ntimer off\ntimer")
        #expect(await harness.transcriptTexts() == [])
        #expect(await harness.session.nextResultNumber == 1)
    }
}
