import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

/// `stop_here`: cancels the task running it and returns normally, as a Ctrl-C landing between two
/// statements does; the next cancellation check stops the run.
private struct StopHereCommand: Command {
    let signature = CommandSignature(
        name: "stop_here", group: .session, summary: "Cancels the running task.", discussion: "", examples: [])

    func run(_ invocation: Invocation) async throws -> Value {
        withUnsafeCurrentTask { $0?.cancel() }
        return .none
    }
}

@Suite("Session: loops")
struct SessionLoopTests {
    @Test func eachIterationShowsItsOutputUnderItsValue() async {
        let harness = await Harness.running(
            "for k in [1, 2]\n  print \"k is\" k\n  k * 10\nend", expecting: report(succeeded: 1))
        #expect(harness.output.output == "── k = 1 ──\nk is 1\n10\n── k = 2 ──\nk is 2\n20\n")
        #expect(harness.output.error == "")
    }

    @Test func theValueIsTheListOfEachIterationsLastValue() async {
        let harness = await Harness.running(
            "xs = for k in [1, 2, 3]\n  y = k * k\nend\nxs\n_", expecting: report(succeeded: 3))
        #expect(await harness.variable("xs") == .list([.int(1), .int(4), .int(9)]))
        #expect(harness.output.output.hasSuffix("[1, 4, 9]\n[1, 4, 9]\n"))
        // As any statement's, the loop's assignments stay: the loop variable holds its last value.
        #expect(await harness.variable("k") == .int(3))
        #expect(await harness.variable("y") == .int(9))
    }

    @Test func anUnassignedLoopIsNumberedAndItsListIsUnderscore() async {
        let harness = await Harness.running("for k in [4, 5]\n  k\nend\n_", expecting: report(succeeded: 2))
        #expect(await harness.session.results == [.list([.int(4), .int(5)]), .list([.int(4), .int(5)])])
        #expect(await harness.transcriptTexts() == ["for k in [4, 5]\n  k\nend", "_"])
    }

    @Test func nestedLoopsNameEveryValueOnTheirLines() async {
        let harness = await Harness.running(
            "grid = for t in [1, 2]\n  for k in [3, 4]\n    t * k\n  end\nend", expecting: report(succeeded: 1))
        #expect(
            harness.output.output == """
                ── t = 1 ──
                ── t = 1, k = 3 ──
                3
                ── t = 1, k = 4 ──
                4
                ── t = 2 ──
                ── t = 2, k = 3 ──
                6
                ── t = 2, k = 4 ──
                8

                """)
        #expect(await harness.variable("grid") == .list([.list([.int(3), .int(4)]), .list([.int(6), .int(8)])]))
    }

    @Test func loopsGoOverRecordsOfSettings() async {
        let harness = await Harness.running(
            "for cfg in [{t: 0.3, name: \"cool\"}, {t: 1.0, name: \"hot\"}]\n  print cfg.name cfg.t\nend",
            expecting: report(succeeded: 1))
        #expect(
            harness.output.output
                == "── cfg = {t: 0.3, name: \"cool\"} ──\ncool 0.3\n── cfg = {t: 1.0, name: \"hot\"} ──\nhot 1.0\n")
    }

    @Test func aLoopOverAnythingButAListIsAnError() async {
        let harness = await Harness.running("n = 3\nfor k in n\n  k\nend", expecting: report(succeeded: 1, failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:2:10: error: a loop goes over a list, not a value of type int
                2 | for k in n
                  |          ^
                hint: write the values in brackets: `for k in [1, 2, 4]`

                """)
    }

    @Test func aLoopOverAnEmptyListIsAnError() async {
        let harness = await Harness.running(
            "xs = []\nfor k in xs\n  k\nend", expecting: report(succeeded: 1, failed: 1))
        #expect(
            harness.output.error.hasPrefix(
                "t.chorus:2:10: error: the loop goes over an empty list, so its body would never run\n"))
    }

    @Test func aCommandNameCannotBeTheLoopVariableOrTarget() async {
        let harness = await Harness.running(
            "for sample in [1]\n  1\nend\nvote = for k in [1]\n  k\nend", expecting: report(failed: 2))
        #expect(
            harness.output.error.hasPrefix(
                "t.chorus:1:5: error: `sample` is a command and cannot name a variable\n"))
        #expect(harness.output.error.contains("t.chorus:4:1: error: `vote` is a command and cannot name a variable\n"))
        #expect(harness.output.output == "")
    }

    @Test func aFailingIterationFailsTheLoopSaysWhereAndChangesNoVariable() async {
        let harness = await Harness.running(
            "k = \"before\"\nxs = for k in [1, 0, 2]\n  y = 6 / k\nend", expecting: report(succeeded: 1, failed: 1))
        #expect(harness.output.output == "── k = 1 ──\n── k = 0 ──\n")
        #expect(
            harness.output.error == """
                t.chorus:3:7: error: division by zero
                3 |   y = 6 / k
                  |       ^~~~~
                note: the loop failed at k = 0 (iteration 2 of 3) after 1 iteration finished; it changed no variable, \
                and what it drew is in the store: running it again draws only the rest

                """)
        #expect(await harness.variable("xs") == nil)
        #expect(await harness.variable("y") == nil)
        #expect(await harness.variable("k") == .string("before"))
        #expect(await harness.transcriptTexts() == ["k = \"before\""])
    }

    @Test func ctrlCWithinAnIterationStopsTheLoopAndKeepsTheSession() async {
        let harness = Harness()
        let result = await harness.runCancelledInSleep(
            "xs = for k in [1, 2]\n  print k\n  sleep 5\nend\nafter = 1")
        #expect(result == report(wasInterrupted: true))
        #expect(harness.output.output == "── k = 1 ──\n1\n")
        #expect(
            harness.output.error == """
                stopped: interrupted; the session and its variables are kept
                note: the loop stopped at k = 1 (iteration 1 of 2); it changed no variable, and what it drew is in \
                the store: running it again draws only the rest

                """)
        #expect(await harness.variable("xs") == nil)
        #expect(await harness.variable("k") == nil)
        #expect(await harness.variable("after") == nil)
    }

    @Test func ctrlCBetweenIterationsStopsBeforeTheNextOne() async {
        var commands = CommandRegistry.standardCommands
        commands.append(StopHereCommand())
        let harness = Harness(registry: CommandRegistry(commands))
        let result = await Task {
            await harness.run("for k in [1, 2, 3]\n  print k\n  stop_here\nend")
        }.value
        #expect(result == report(wasInterrupted: true))
        #expect(harness.output.output == "── k = 1 ──\n1\n")
        #expect(
            harness.output.error.hasSuffix(
                "note: the loop stopped at k = 2 (iteration 2 of 3) after 1 iteration finished; it changed no "
                    + "variable, and what it drew is in the store: running it again draws only the rest\n"))
    }

    @Test func aSweepOverTemperaturesReplaysFromTheStore() async throws {
        let path = try SampleCommandTests.replayFile(count: 2, texts: ["so \\boxed{19/30}", "so \\boxed{65}"])
        let harness = Harness()
        let script = """
            gen = model "replay:\(path)"
            data = builtin arithmetic count: 2 seed: 1
            sets = for t in [0.3, 0.7]
              sample gen data n: 2 seed: 3 temperature: t
            end
            """
        #expect(await harness.run(script) == report(succeeded: 3))
        let drawn = "sample: 0 from the store, 4 drawn from replay:\(path)\n"
        #expect(harness.output.error == drawn + drawn)
        #expect(await harness.store.count() == 8)

        // The same loop again: every sample comes from the store.
        let before = harness.output.error
        #expect(
            await harness.run("again = for t in [0.3, 0.7]\n  sample gen data n: 2 seed: 3 temperature: t\nend")
                == report(succeeded: 1))
        let reused = "sample: 4 from the store, 0 drawn from replay:\(path)\n"
        #expect(harness.output.error.dropFirst(before.count) == reused + reused)
        #expect(await harness.store.count() == 8)
    }

    @Test func compareTakesTheResultsALoopCollected() async throws {
        let (harness, _) = try await EngineFixtures.harnessWithSamples()
        #expect(await harness.run("compare s (vote s k: 1) (vote s k: 3)") == report(succeeded: 1))
        let written = harness.output.output
        #expect(
            await harness.run("votes = for k in [1, 3]\n  vote s k: k\nend\ncompare s votes")
                == report(succeeded: 2))
        let table = harness.output.output.dropFirst(written.count)
        #expect(table.hasSuffix(written))
    }

    @Test func saveWritesTheLoopAsWrittenAndTheScriptReplays() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("sweep.chorus")
        let loop = "squares = for k in [1, 2, 3]   # a sweep\n  k * k\nend"
        let original = await Harness.running(loop + "\nsquares[-1]", expecting: report(succeeded: 2))
        await original.run("save \(quoted(path))")
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.hasSuffix("\n" + loop + "\nsquares[-1]\n"))

        let replay = Harness()
        #expect(await replay.session.execute(SourceFile(name: path, text: saved)) == report(succeeded: 2))
        #expect(
            replay.output.output
                == original.output.output.replacingOccurrences(of: "saved 2 statements to \(path)\n", with: ""))
        #expect(await replay.session.results == original.session.results)
    }
}
