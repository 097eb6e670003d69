import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

/// A command that returns what it was given, to see how arguments bind.
private struct ProbeCommand: Command {
    static let count = ParameterKey<Int>.positional("count", "a count")
    static let label = ParameterKey<String>.positional("label", "a label", default: "none")
    static let items = ParameterKey<[Int]>.named("items", "some ints", default: [])
    static let mode = ParameterKey<Mode>.named("mode", "how", default: .fast)
    static let options = ParameterKey<Record?>.named("options", "settings")
    static let data = ParameterKey<DatasetValue?>.named("data", "a dataset")
    static let target = ParameterKey<String?>.named("target", "a command", type: .commandName)

    enum Mode: String, ParameterChoice {
        case fast
        case slow
    }

    let signature = CommandSignature(
        name: "probe", group: .values, summary: "Returns its arguments.",
        parameters: [Self.count, Self.label, Self.items, Self.mode, Self.options, Self.data, Self.target],
        discussion: "Test only.", examples: ["probe 1"])

    func run(_ invocation: Invocation) async throws -> Value {
        var record = Record()
        record["count"] = invocation[Self.count].argument
        record["label"] = invocation[Self.label].argument
        record["items"] = invocation[Self.items].argument
        record["mode"] = invocation[Self.mode].argument
        record["options"] = invocation[Self.options].argument
        record["data"] = invocation[Self.data].argument
        record["target"] = invocation[Self.target].argument
        let keys: [any ParameterNaming] = [
            Self.count, Self.label, Self.items, Self.mode, Self.options, Self.data, Self.target,
        ]
        record["given"] = .list(keys.filter { invocation.isGiven($0) }.map { .string($0.name) })
        return .record(record)
    }
}

private func probeHarness() -> Harness {
    var registry = CommandRegistry.standard
    registry.register(ProbeCommand())
    return Harness(registry: registry)
}

/// Runs one statement and returns its error text.
private func errorText(_ text: String) async -> String {
    let harness = await Harness.running(text, expecting: report(failed: 1))
    return harness.output.error
}

@Suite("ArgumentBinder")
struct ArgumentBinderTests {
    @Test func missingArgument() async {
        #expect(
            await errorText("run") == """
                t.chorus:1:1: error: `run` needs its argument `path` (the script to run)
                1 | run
                  | ^~~
                hint: usage: run PATH

                """)
    }

    @Test func missingArgumentPointsAtTheWholeCall() async {
        let harness = probeHarness()
        await harness.run("x = probe label: \"a\"")
        #expect(
            harness.output.error == """
                t.chorus:1:5: error: `probe` needs its argument `count` (a count)
                1 | x = probe label: "a"
                  |     ^~~~~~~~~~~~~~~~
                hint: usage: probe COUNT [LABEL] [items: []] [mode: "fast"] [options: record] [data: dataset] [target: command]

                """)
    }

    @Test func unknownNamedArgumentSuggestsTheClosest() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/never.chorus"
        let text = "save \(quoted(path)) overwrit: true"
        let error = await errorText(text)
        let column = "save \(quoted(path)) ".count + 1
        #expect(
            error == """
                t.chorus:1:\(column): error: `save` has no argument `overwrit`
                1 | \(text)
                  | \(String(repeating: " ", count: column - 1))^~~~~~~~
                hint: did you mean `overwrite:`?

                """)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func unknownNamedArgumentOfACommandWithoutParameters() async {
        #expect(
            await errorText("vars n: 1") == """
                t.chorus:1:6: error: `vars` has no argument `n`
                1 | vars n: 1
                  |      ^
                hint: `vars` takes no arguments

                """)
    }

    @Test func unknownNamedArgumentListsTheParameters() async {
        let error = await errorText("sleep secs: 1")
        #expect(error.hasPrefix("t.chorus:1:7: error: `sleep` has no argument `secs`\n"))
        #expect(error.hasSuffix("hint: `sleep` takes `seconds`\n"))
    }

    @Test func tooManyPositionalArguments() async {
        #expect(
            await errorText("sleep 0 1") == """
                t.chorus:1:9: error: `sleep` takes at most 1 positional argument
                1 | sleep 0 1
                  |         ^
                hint: usage: sleep SECONDS

                """)
        let probe = probeHarness()
        await probe.run("probe 1 \"a\" 3")
        #expect(probe.output.error.hasPrefix("t.chorus:1:13: error: `probe` takes at most 2 positional arguments\n"))
    }

    @Test func noPositionalArgumentsAtAll() async {
        #expect(
            await errorText("vars 1") == """
                t.chorus:1:6: error: `vars` takes no positional arguments
                1 | vars 1
                  |      ^
                hint: usage: vars

                """)
    }

    @Test func wrongType() async {
        #expect(
            await errorText("sleep \"soon\"") == """
                t.chorus:1:7: error: `seconds` takes a number, not a string ("soon")
                1 | sleep "soon"
                  |       ^~~~~~
                hint: usage: sleep SECONDS

                """)
    }

    @Test(
        "type errors",
        arguments: [
            ("sleep none", "`seconds` takes a number, not none"),
            ("sleep [1]", "`seconds` takes a number, not a list ([1])"),
            ("save 3", "`path` takes a path, not an int (3)"),
            ("save \"f\" overwrite: \"yes\"", "`overwrite` takes a bool, not a string (\"yes\")"),
            ("save \"f\" overwrite: 1", "`overwrite` takes a bool, not an int (1)"),
            ("help 3", "`command` takes a command, not an int (3)"),
            ("timer 1", "`state` takes one of `on`, `off`, not an int (1)"),
            ("timer {a: 1}", "`state` takes one of `on`, `off`, not a record ({a: 1})"),
        ])
    func typeErrors(text: String, message: String) async {
        let error = await errorText(text)
        #expect(error.hasPrefix("t.chorus:1:"))
        #expect(error.split(separator: "\n").first?.hasSuffix(": error: " + message) == true)
    }

    @Test func choiceWordsAreWrittenBare() async {
        let harness = await Harness.running(
            "timer on\ntimer \"off\"\ntimer state: on\ntimer state: \"off\"", expecting: report(succeeded: 4))
        #expect(harness.output.output == "timer is on\ntimer is off\ntimer is on\ntimer is off\n")
    }

    @Test func badChoiceWord() async {
        #expect(
            await errorText("timer maybe") == """
                t.chorus:1:7: error: `maybe` is not one of `on`, `off`
                1 | timer maybe
                  |       ^~~~~

                """)
    }

    @Test func badChoiceWordSuggestsTheClosest() async {
        let error = await errorText("timer of")
        #expect(error.hasPrefix("t.chorus:1:7: error: `of` is not one of `on`, `off`\n"))
        #expect(error.hasSuffix("hint: did you mean `off`?\n"))
        let quoted = await errorText("timer \"onn\"")
        #expect(quoted.hasPrefix("t.chorus:1:7: error: `onn` is not one of `on`, `off`\n"))
        #expect(quoted.hasSuffix("hint: did you mean `on`?\n"))
    }

    @Test func aBareWordForAChoiceIsNotAVariable() async {
        let harness = await Harness.running("state = \"on\"\ntimer state")
        #expect(harness.output.error.hasPrefix("t.chorus:2:7: error: `state` is not one of `on`, `off`\n"))
        #expect(await harness.session.isTimerOn == false)
    }

    @Test func aNameAfterAPositionalIsAlreadyGiven() async {
        #expect(
            await errorText("sleep 0 seconds: 1") == """
                t.chorus:1:9: error: `seconds` is already given by position
                1 | sleep 0 seconds: 1
                  |         ^~~~~~~~~~
                """ + "\n")
    }

    @Test func namedThenPositionalFillsTheNextPositional() async {
        let harness = probeHarness()
        await harness.run("probe count: 2 \"b\"")
        #expect(harness.output.error == "")
        #expect(
            harness.output.output
                == "{count: 2, label: \"b\", items: [], mode: \"fast\", options: none, data: none, target: none, given: [\"count\", \"label\"]}\n"
        )
    }

    @Test func positionalAfterItsNamedFormIsTooMany() async {
        let error = await errorText("sleep seconds: 0 1")
        #expect(error.hasPrefix("t.chorus:1:18: error: `sleep` takes at most 1 positional argument\n"))
    }

    @Test func defaultsAndConversions() async {
        let harness = probeHarness()
        await harness.run("probe 2.0 items: [1, 2.0] mode: slow options: {k: 1} target: help")
        #expect(harness.output.error == "")
        #expect(
            harness.output.output
                == "{count: 2, label: \"none\", items: [1, 2], mode: \"slow\", options: {k: 1}, data: none, target: \"help\", given: [\"count\", \"items\", \"mode\", \"options\", \"target\"]}\n"
        )
    }

    @Test func intRejectsFractions() async {
        let harness = probeHarness()
        await harness.run("probe 2.5")
        #expect(harness.output.error.hasPrefix("t.chorus:1:7: error: `count` takes an int, not a number (2.5)\n"))
    }

    @Test func listItemsAreChecked() async {
        let harness = probeHarness()
        await harness.run("probe 1 items: [1, \"a\"]")
        #expect(harness.output.error.hasPrefix("t.chorus:1:16: error: `items` takes an int, not a string (\"a\")\n"))
    }

    @Test func objectTypesMustMatch() async {
        let harness = probeHarness()
        await harness.session.assign("m", .object(PlainObject()))
        // A look-alike with the same display name is another Swift type, and is refused too.
        await harness.session.assign("f", .object(FakeDataset(rows: 1)))
        await harness.run("d = builtin arithmetic count: 1\nprobe 1 data: d\nprobe 1 data: m\nprobe 1 data: f")
        #expect(
            harness.output.output.hasPrefix(
                "{count: 1, label: \"none\", items: [], mode: \"fast\", options: none, data: <dataset: "))
        #expect(harness.output.error.hasPrefix("t.chorus:3:15: error: `data` takes a dataset, not a model (tiny)\n"))
        #expect(harness.output.error.contains("t.chorus:4:15: error: `data` takes a dataset, not a dataset (1 rows)\n"))
    }

    @Test func argumentsAreEvaluatedAsExpressions() async {
        let harness = probeHarness()
        await harness.run("n = 3\nprobe n * 2 \"x\" + \"y\"")
        #expect(harness.output.output.hasPrefix("{count: 6, label: \"xy\","))
    }

    @Test func variadicCollectsEveryPositional() async {
        let harness = await Harness.running("print 1 \"two\" [3]\nprint\nprint values: [4, 5]")
        #expect(harness.output.output == "1 two [3]\n\n4 5\n")
    }

    @Test func namedVariadicFollowedByPositionalsIsAnError() async {
        let harness = await Harness.running("print values: [1] 2", expecting: report(failed: 1))
        #expect(harness.output.output == "")
    }

    @Test func commandNameWrittenBareOrQuoted() async {
        let harness = await Harness.running("help quit\nhelp \"quit\"")
        let page = HelpText.detail(QuitCommand().signature)
        #expect(harness.output.output == page + page)
    }
}

@Suite("ArgumentBinder: lists into variadics")
struct ArgumentBinderListTests {
    @Test func aListOfResultsFillsAVariadicOfResults() async throws {
        let (harness, _) = try await EngineFixtures.harnessWithSamples()
        await harness.run("a = vote s k: 1\nb = vote s k: 3")
        var tables: [String] = []
        for statement in ["compare s a b", "compare s [a, b]", "compare [s, a] b", "compare items: [s, a, b]"] {
            let before = harness.output.output.count
            #expect(await harness.run(statement) == report(succeeded: 1))
            tables.append(String(harness.output.output.dropFirst(before)))
        }
        #expect(tables[0].contains("maj@3     "))
        #expect(Set(tables).count == 1)
    }

    @Test func aListWithAnItemOfAnotherTypeSaysWhichItem() async throws {
        let (harness, _) = try await EngineFixtures.harnessWithSamples()
        #expect(await harness.run("compare s [s, 3]") == report(failed: 1))
        #expect(
            harness.output.error.hasPrefix(
                "t.chorus:1:11: error: `items` takes a strategy result or sample set; item 1 of this list is an int\n"))
    }

    @Test func aResultGivenByNameIsAListOfOne() async throws {
        let (harness, _) = try await EngineFixtures.harnessWithSamples()
        #expect(await harness.run("compare items: s") == report(succeeded: 1))
    }
}
