import Testing

@testable import ChorusScript

@Suite("print")
struct PrintCommandTests {
    @Test(
        "what print writes",
        arguments: [
            ("print \"accuracy:\" 0.75", "accuracy: 0.75\n"),
            ("print [1, \"a\"] {k: 5}", "[1, \"a\"] {k: 5}\n"),
            ("print", "\n"),
            ("print none true 3.0", "none true 3.0\n"),
            ("print 1 + 2", "3\n"),
            ("print (1 + 2) * 2", "6\n"),
            ("print \"a\\tb\"", "a\tb\n"),
            ("print 'raw \\n'", "raw \\n\n"),
            ("print \"\"", "\n"),
            ("print \"\" \"\"", " \n"),
        ])
    func writes(text: String, expected: String) async {
        let harness = await Harness.running(text, expecting: report(succeeded: 1))
        #expect(harness.output.output == expected)
        #expect(harness.output.error == "")
    }

    @Test func stringsWithNewlinesAreWrittenAsTheyAre() async {
        let harness = await Harness.running("s = \"a\\nb\"\nprint s \"c\"")
        #expect(harness.output.output == "a\nb c\n")
    }

    @Test func printReturnsNoneAndIsRecorded() async {
        let harness = await Harness.running("x = print 1\nx")
        #expect(harness.output.output == "1\n")
        #expect(await harness.variable("x") == Value.none)
        #expect(await harness.transcriptTexts() == ["x = print 1", "x"])
        await harness.run("print 2")
        #expect(await harness.transcriptTexts() == ["x = print 1", "x", "print 2"])
    }

    @Test func objectsArePrintedInFull() async {
        let harness = Harness()
        await harness.session.assign("d", .object(FakeDataset(rows: 1)))
        await harness.run("print d [d]")
        #expect(harness.output.output == "dataset with 1 rows\n  first: … [<dataset: 1 rows>]\n")
    }

    @Test func argumentErrorStopsThePrint() async {
        let harness = await Harness.running("print 1 nope 2")
        #expect(harness.output.output == "")
        #expect(harness.output.error.hasPrefix("t.chorus:1:9: error: no variable or command is named `nope`\n"))
    }
}
