import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite("sleep")
struct SleepCommandTests {
    @Test func sleepsOnTheSessionsClockAndReturnsNothing() async {
        let harness = Harness()
        let running = Task { await harness.run("sleep 0.05\nsleep 0") }
        await harness.clock.untilSleeping()
        #expect(harness.clock.requestedSleeps == [0.05])
        // Short of the time asked for, the sleep goes on.
        harness.clock.advance(by: 0.04)
        #expect(harness.clock.sleepers == 1)
        harness.clock.advance(by: 0.01)
        let result = await running.value
        #expect(result == report(succeeded: 2))
        #expect(harness.clock.requestedSleeps == [0.05, 0])
        #expect(harness.output.combined == "")
        #expect(await harness.transcriptTexts() == ["sleep 0.05", "sleep 0"])
    }

    @Test func acceptsAnInt() async {
        let harness = Harness()
        #expect(await harness.run("sleep seconds: 0") == report(succeeded: 1))
    }

    @Test func negativeSecondsAreRefused() async {
        let harness = await Harness.running("sleep (-1)", expecting: report(failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:7: error: `seconds` must be between 0 and 86400, not -1
                1 | sleep (-1)
                  |       ^~~~

                """)
    }

    @Test func moreThanADayIsRefused() async {
        let harness = await Harness.running("sleep 86400.5")
        #expect(
            harness.output.error.hasPrefix("t.chorus:1:7: error: `seconds` must be between 0 and 86400, not 86400.5\n"))
    }

    @Test func sleepMinusOneIsArithmetic() async {
        // `sleep -1` reads as `sleep - 1`: the bare command has no argument.
        let harness = await Harness.running("sleep -1")
        #expect(
            harness.output.error == """
                t.chorus:1:1: error: `sleep` needs its argument `seconds` (how long to wait)
                1 | sleep -1
                  | ^~~~~
                hint: usage: sleep SECONDS

                """)
    }

    @Test func cancellationStopsASleepPromptly() async throws {
        let harness = Harness()
        let session = harness.session
        let result = await harness.runCancelledInSleep("x = 1\nsleep 5\ny = 2")
        #expect(result == report(succeeded: 1, wasInterrupted: true))
        #expect(harness.output.error == "stopped: interrupted; the session and its variables are kept\n")
        #expect(await session.variable("x") == .int(1))
        #expect(await session.variable("y") == nil)
        #expect(await harness.transcriptTexts() == ["x = 1"])

        // The session goes on afterwards.
        let next = await harness.run("y = 3")
        #expect(next == report(succeeded: 1))
        #expect(await session.variable("y") == .int(3))
    }

    @Test func cancellationInsideRunStopsTheWholeRunAndIsReportedOnce() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeFile("a = 1\nsleep 5\nb = 2", named: "slow.chorus", in: folder)
        let harness = Harness()
        let session = harness.session
        let result = await harness.runCancelledInSleep("run \(quoted(path))\nc = 3")
        #expect(result.wasInterrupted)
        #expect(result.failed == 0)
        #expect(harness.output.error == "stopped: interrupted; the session and its variables are kept\n")
        #expect(await session.variable("b") == nil)
        #expect(await session.variable("c") == nil)
        #expect(await session.scriptStack.isEmpty)
    }

    @Test func aCancelledTaskRunsNothing() async {
        let harness = Harness()
        let session = harness.session
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await session.execute(SourceFile(name: "t.chorus", text: "x = 1"))
        }
        let result = await task.value
        #expect(result == report(wasInterrupted: true))
        #expect(await session.variable("x") == nil)
    }
}
