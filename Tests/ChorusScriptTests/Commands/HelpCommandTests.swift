import Testing

@testable import ChorusScript

@Suite("help")
struct HelpCommandTests {
    @Test func overviewListsCommandsByGroup() async {
        let harness = await Harness.running("help", expecting: report(succeeded: 1))
        #expect(
            harness.output.output == """
                Session
                  help        Lists the commands, or shows one command's help.
                  vars        Lists the variables with their types and summaries.
                  run         Runs a script file in this session.
                  save        Saves the session as a script, a notebook or a report.
                  timer       Turns the per-statement timer on or off.
                  sleep       Waits a number of seconds (Ctrl-C stops it).
                  quit        Ends the session.

                Values
                  print       Prints values on one line, strings without quotes.
                  show        Shows one problem with its samples, graded, or one sample whole.

                Data
                  builtin     Generates a built-in dataset (no download needed).
                  load        Loads problems from a GSM8K, MATH, JSONL or CSV file.
                  benchmark   Loads real benchmark problems installed by the setup scripts.
                  split       Splits a dataset into train and test parts, by seed.
                  responses   Makes a sample set from hand-written responses.

                Models and sampling
                  model       Connects to a model: an OpenAI-compatible server, a replay file, or the local engine.
                  sample      Samples n answers per problem from a model (stored, resumable).
                  store       Uses another file as the sample store.
                  export      Writes the stored samples, or one sample set's, result's or table's, to a JSONL file.
                  import      Adds the samples of a JSONL export to the store.

                Strategies
                  vote        Majority vote over equivalent answers (maj@k).
                  aggregate   Shows a model each problem with k sampled answers and keeps the one answer it gives (SSA, USC).
                  refine      Shows a model each problem with k candidate solutions and keeps the new solution it writes (GSR).
                  score       Has a judge model or a reward model rate every sample (for best_of).
                  best_of     Picks each problem's highest-scored sample (best-of-N).

                Metrics and reports
                  grade       Extracts a response's answer and compares it with a gold answer.
                  metrics     pass@1, maj@k, pass@k and oracle@k with 95% intervals.
                  compare     Compares strategies and sample sets in one table with 95% intervals.
                  answers     One row per problem: gold, answer classes, the pick and verdicts.
                  diff        The problems where two strategies disagree, and who was right.
                  plot        Draws scaling curves and strategies' points with 95% intervals: an SVG and a table here.

                Training
                  train       Builds SSA or GSR training data for verl, TRL or OpenRLHF, or trains a learned aggregator here.
                  aggregator  Loads a learned aggregator saved by `train aggregator`.

                `help NAME` (or `?NAME` in the REPL) explains a command; `help syntax` shows the language.

                """)
        #expect(harness.output.error == "")
    }

    @Test func oneCommandsPage() async {
        let harness = await Harness.running("help sleep")
        #expect(
            harness.output.output == """
                sleep SECONDS

                Waits a number of seconds (Ctrl-C stops it).

                Pauses the script. Useful to pace requests to a shared server, and to try out Ctrl-C: the wait stops, and the session keeps everything.

                Parameters:
                  SECONDS  number  required  how long to wait

                Example:
                  sleep 0.5

                """)
    }

    @Test func pageWithSeveralParametersAndExamples() async {
        let harness = await Harness.running("help save")
        #expect(
            harness.output.output.hasSuffix(
                """
                Parameters:
                  PATH        path  required       the file to write
                  overwrite:  bool  default false  replace an existing file

                Examples:
                  save "session.chorus"
                  save "session.ipynb"
                  save "report.html" overwrite: true

                """))
        #expect(
            harness.output.output.hasPrefix(
                "save PATH [overwrite: false]\n\nSaves the session as a script, a notebook or a report.\n\n"))
    }

    @Test func pageOfACommandWithoutParameters() async {
        let harness = await Harness.running("help vars")
        #expect(
            harness.output.output == """
                vars

                Lists the variables with their types and summaries.

                Shows each variable in the order it was first assigned, with its type and a one-line summary.

                Example:
                  x = 3
                  vars

                """)
    }

    @Test func optionalAndVariadicParameters() async {
        let harness = await Harness.running("help help\nhelp print")
        #expect(harness.output.output.contains("\nParameters:\n  COMMAND  command  optional  the command to explain\n"))
        #expect(harness.output.output.contains("\nParameters:\n  VALUES  any value  any number  the values to print\n"))
    }

    @Test func syntax() async {
        let harness = await Harness.running("help syntax")
        #expect(harness.output.output == HelpText.syntax)
        #expect(HelpText.syntax.hasPrefix("Chorus scripts: one statement per line (or separated by `;`).\n"))
    }

    @Test func everyStatementTheSyntaxSummaryShowsParses() {
        // Each indented line is a statement, two or more spaces, then what it shows.
        let statements = HelpText.syntax.split(separator: "\n")
            .filter { $0.hasPrefix("  ") }
            .map { $0.dropFirst(2).components(separatedBy: "  ").first ?? "" }
        #expect(statements.count >= 10)
        #expect(statements.contains("x = 3"))
        #expect(statements.contains("# comment"))
        for statement in statements {
            let program = Parser.parse(SourceFile(name: "syntax", text: statement))
            #expect(program.diagnostics.isEmpty, "\(statement)")
            #expect(program.items.count == (statement.hasPrefix("#") ? 0 : 1), "\(statement)")
        }
    }

    @Test func unknownCommandSuggestsTheClosest() async {
        let harness = await Harness.running("help prnt", expecting: report(failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:6: error: there is no command `prnt`
                1 | help prnt
                  |      ^~~~
                hint: did you mean `print`?

                """)
    }

    @Test func unknownCommandWithNothingClose() async {
        let harness = await Harness.running("help \"zzzzzz\"")
        #expect(
            harness.output.error == """
                t.chorus:1:6: error: there is no command `zzzzzz`
                1 | help "zzzzzz"
                  |      ^~~~~~~~
                hint: type `help` to list the commands

                """)
    }

    @Test func aCommandWithSubCommandsListsWhatEachTakes() async {
        let harness = await Harness.running("help train")
        let page = harness.output.output
        #expect(page.contains("\nSub-commands (each takes only its own parameters):\n"))
        #expect(page.contains("\n  train aggregator  name, steps, held_out, file\n"))
        #expect(page.contains("\n  all of them       samples, seed, lr, overwrite\n"))
        #expect(page.contains(", launch, ratio, refined\n"))
    }

    @Test func helpIsNotRecordedAndShowsNoResult() async {
        let harness = await Harness.running("help print\nx = 1")
        #expect(harness.output.output == HelpText.detail(PrintCommand().signature))
        #expect(await harness.transcriptTexts() == ["x = 1"])
    }

    @Test func overviewOfACustomRegistry() {
        var registry = CommandRegistry()
        registry.register(QuitCommand())
        registry.register(PrintCommand())
        #expect(
            HelpText.overview(registry) == """
                Session
                  quit   Ends the session.

                Values
                  print  Prints values on one line, strings without quotes.

                `help NAME` (or `?NAME` in the REPL) explains a command; `help syntax` shows the language.

                """)
    }
}

@Suite("help for")
struct HelpLoopTests {
    @Test func helpForAndHelpEndShowTheLoopPage() async {
        let harness = await Harness.running("help for\nhelp end")
        #expect(harness.output.output == HelpText.loops + HelpText.loops)
        #expect(
            HelpText.loops.hasPrefix("for NAME in VALUES … end: runs the statements between the two once per value.\n"))
    }

    /// The page's two examples run as they are written (`s`, `gen` and `data` stand in for real ones).
    @Test func theExamplesOnThePageRun() async throws {
        let path = try SampleCommandTests.replayFile(
            count: 2, texts: ["so \\boxed{19/30}", "so \\boxed{65}", "\\boxed{3}", "\\boxed{65}"])
        let page = HelpText.loops.split(separator: "\n").map(String.init)
        func example(from first: String, to last: String) -> String {
            let start = page.firstIndex { $0.hasPrefix("  " + first) } ?? 0
            let end = page[start...].firstIndex { $0.hasPrefix("  " + last) } ?? start
            return page[start...end].map { $0.dropFirst(2).components(separatedBy: "   ").first ?? "" }
                .joined(separator: "\n")
        }
        let harness = Harness()
        let setup =
            "gen = model \"replay:\(path)\"\ndata = builtin arithmetic count: 2 seed: 1\n"
            + "s = sample gen data n: 4 seed: 1"
        #expect(await harness.run(setup) == report(succeeded: 3))
        #expect(await harness.run(example(from: "votes = for", to: "compare s votes")) == report(succeeded: 2))
        #expect(await harness.run(example(from: "sets = for", to: "plot sets")) == report(succeeded: 2))
        #expect(harness.output.output.contains("── setting = {t: 0.3, name: \"cool\"} ──\n"))
    }
}
