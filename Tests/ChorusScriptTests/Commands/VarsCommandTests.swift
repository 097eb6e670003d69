import Testing

@testable import ChorusScript

@Suite("vars")
struct VarsCommandTests {
    @Test func noVariablesYet() async {
        let harness = await Harness.running("vars", expecting: report(succeeded: 1))
        #expect(harness.output.output == "no variables yet; assign one with `name = value`\n")
    }

    @Test func tableOfVariablesInAssignmentOrder() async {
        let harness = await Harness.running("x = 3\nname = \"maj\"\nxs = [1, 2]\nx = 4.5\nvars")
        #expect(
            harness.output.output == """
                name  type    value
                ----  ------  ------
                x     number  4.5
                name  string  "maj"
                xs    list    [1, 2]

                """)
    }

    @Test func longValuesAreSummarised() async {
        let harness = await Harness.running("xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nr = {k: none, ok: true}\nvars")
        #expect(
            harness.output.output == """
                name  type    value
                ----  ------  --------------------------------------
                xs    list    [1, 2, 3, 4, 5, 6, 7, 8, … (10 items)]
                r     record  {k: none, ok: true}

                """)
    }

    @Test func objectsShowTheirTypeAndSummary() async {
        let harness = Harness()
        await harness.session.assign("train", .object(FakeDataset(rows: 7)))
        await harness.run("vars")
        #expect(harness.output.output == "name   type     value\n-----  -------  ------\ntrain  dataset  7 rows\n")
    }

    @Test func varsIsNotRecorded() async {
        let harness = await Harness.running("x = 1\nvars\n(vars)")
        #expect(await harness.transcriptTexts() == ["x = 1"])
        #expect(await harness.session.nextResultNumber == 2)
    }

    @Test func failedAssignmentsDoNotShow() async {
        let harness = await Harness.running("x = nope\nvars")
        #expect(harness.output.output == "no variables yet; assign one with `name = value`\n")
    }
}
