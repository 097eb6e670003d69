import Testing

@testable import ChorusScript

/// Runs `text` and returns (standard output, standard error).
private func evaluate(_ text: String) async -> (output: String, error: String) {
    let harness = await Harness.running(text)
    return (harness.output.output, harness.output.error)
}

@Suite("Session evaluation")
struct SessionEvaluationTests {
    @Test(
        "arithmetic",
        arguments: [
            ("1 + 2 * 3", "7"),
            ("10 - 2 - 3", "5"),
            ("7 / 2", "3.5"),
            ("6 / 3", "2.0"),
            ("2 * 3 / 4", "1.5"),
            ("1 + 0.5", "1.5"),
            ("2 * 0.5", "1.0"),
            ("0.1 + 0.2", "0.30000000000000004"),
            ("-(2 - 5)", "3"),
            ("+4", "4"),
            ("-2.5", "-2.5"),
            ("1e-3 * 2", "0.002"),
            ("1_000 * 1_000", "1000000"),
            ("\"a\" + \"b\"", "\"ab\""),
            ("[1] + [2, 3]", "[1, 2, 3]"),
            ("9223372036854775806 + 1", "9223372036854775807"),
            ("-9223372036854775807 - 1", "-9223372036854775808"),
        ])
    func arithmetic(text: String, expected: String) async {
        let result = await evaluate(text)
        #expect(result.error == "")
        #expect(result.output == expected + "\n")
    }

    @Test func intOverflowIsAnError() async {
        let result = await evaluate("x = 9223372036854775807 + 1")
        #expect(
            result.error == """
                t.chorus:1:5: error: the result of `+` is too large for an int
                1 | x = 9223372036854775807 + 1
                  |     ^~~~~~~~~~~~~~~~~~~~~~~

                """)
    }

    @Test(
        "overflow of each operator",
        arguments: [
            ("9223372036854775807 * 2", "*"),
            ("-9223372036854775807 - 2", "-"),
            ("9223372036854775807 + 9223372036854775807", "+"),
        ])
    func overflow(text: String, op: String) async {
        let harness = Harness()
        let result = await harness.run(text)
        #expect(result == report(failed: 1))
        #expect(harness.output.error.hasPrefix("t.chorus:1:1: error: the result of `\(op)` is too large for an int\n"))
    }

    @Test func negatingTheSmallestIntFails() async {
        let harness = await Harness.running(
            "m = -9223372036854775807 - 1\nn = -m", expecting: report(succeeded: 1, failed: 1))
        #expect(await harness.variable("n") == nil)
    }

    @Test func divisionByZero() async {
        let result = await evaluate("x = 1\ny = 2 / (x - 1)")
        #expect(
            result.error == """
                t.chorus:2:5: error: division by zero
                2 | y = 2 / (x - 1)
                  |     ^~~~~~~~~~~

                """)
        #expect(await evaluate("1.5 / 0").error.hasPrefix("t.chorus:1:1: error: division by zero\n"))
        #expect(await evaluate("1 / 0.0").error.hasPrefix("t.chorus:1:1: error: division by zero\n"))
    }

    @Test(
        "operators on the wrong types",
        arguments: [
            ("\"a\" * 2", "cannot apply `*` to string and int"),
            ("[1] - [1]", "cannot apply `-` to list and list"),
            ("1 + \"a\"", "cannot apply `+` to int and string"),
            ("none + 1", "cannot apply `+` to none and int"),
            ("-\"a\"", "cannot apply `-` to string"),
            ("+true", "cannot apply `+` to bool"),
        ])
    func wrongTypes(text: String, message: String) async {
        let result = await evaluate(text)
        #expect(result.error.hasPrefix("t.chorus:1:1: error: \(message)\n"))
        #expect(result.output == "")
    }

    @Test func assigningToACommandNameIsAnError() async {
        let harness = await Harness.running("print = 3", expecting: report(failed: 1))
        #expect(await harness.variable("print") == nil)
        #expect(
            harness.output.error == """
                t.chorus:1:1: error: `print` is a command and cannot name a variable
                1 | print = 3
                  | ^~~~~
                hint: choose another name, such as `print_result`

                """)
    }

    @Test func unknownCommandSuggestsTheClosest() async {
        let result = await evaluate("prnt 1 2")
        #expect(
            result.error == """
                t.chorus:1:1: error: unknown command `prnt`
                1 | prnt 1 2
                  | ^~~~
                hint: did you mean `print`?

                """)
    }

    @Test func unknownCommandWithNothingClose() async {
        let result = await evaluate("frobnicate 1")
        #expect(result.error.hasSuffix("hint: type `help` to list the commands\n"))
        #expect(result.error.hasPrefix("t.chorus:1:1: error: unknown command `frobnicate`\n"))
    }

    @Test func unknownBareNameSuggestsVariablesToo() async {
        let result = await evaluate("count = 1\ncont")
        #expect(
            result.error == """
                t.chorus:2:1: error: no variable or command is named `cont`
                2 | cont
                  | ^~~~
                hint: did you mean `count`?

                """)
    }

    @Test func variableUsedAsACommand() async {
        let result = await evaluate("x = 1\nx 2")
        #expect(
            result.error == """
                t.chorus:2:1: error: `x` is a variable, not a command
                2 | x 2
                  | ^
                hint: to show it, write `x` alone; to pass it to a command, put the command first

                """)
    }

    @Test func commandWithoutArgumentsInAnExpression() async {
        let harness = await Harness.running("x = (print \"hi\")\ny = vars")
        #expect(harness.output.output == "hi\nname  type  value\n----  ----  -----\nx     none  none\n")
        #expect(await harness.variable("x") == Value.none)
        #expect(await harness.variable("y") == Value.none)
    }

    @Test func listsIndicesAndCount() async {
        let result = await evaluate(
            "xs = [10, 20, 30]\nxs[0]\nxs[-1]\nxs[1 + 1]\nxs.count\n\"héllo\".count\n[[1, 2]][0][1]")
        #expect(result.error == "")
        #expect(result.output == "10\n30\n30\n3\n5\n2\n")
    }

    @Test func indexOutOfRange() async {
        let result = await evaluate("xs = [10, 20, 30]\nxs[3]")
        #expect(
            result.error == """
                t.chorus:2:4: error: index 3 is out of range for a list of 3 items
                2 | xs[3]
                  |    ^
                hint: indices run from 0 to 2, or -1 for the last

                """)
        let negative = await evaluate("xs = [10]\nxs[-2]")
        #expect(negative.error.hasPrefix("t.chorus:2:4: error: index -2 is out of range for a list of 1 item\n"))
        let empty = await evaluate("[][0]")
        #expect(
            empty.error == "t.chorus:1:4: error: index 0 is out of range for a list of 0 items\n1 | [][0]\n  |    ^\n")
    }

    @Test func recordsFieldsAndKeys() async {
        let result = await evaluate("r = {k: 5, name: \"maj\", \"a b\": [1]}\nr.k\nr[\"name\"]\nr[\"a b\"][0]\nr")
        #expect(result.error == "")
        #expect(result.output == "5\n\"maj\"\n1\n{k: 5, name: \"maj\", \"a b\": [1]}\n")
    }

    @Test func missingFieldSuggestsTheClosest() async {
        let result = await evaluate("r = {k: 5, name: \"maj\"}\nr.nme")
        #expect(
            result.error == """
                t.chorus:2:3: error: record has no field `nme`
                2 | r.nme
                  |   ^~~
                hint: did you mean `.name`?

                """)
    }

    @Test func missingFieldListsTheFields() async {
        let result = await evaluate("r = {k: 5, name: \"maj\"}\nr.zzzzzz")
        #expect(result.error.hasSuffix("hint: its fields are `k`, `name`\n"))
        let list = await evaluate("[1].size")
        #expect(list.error.hasPrefix("t.chorus:1:5: error: list has no field `size`\n"))
        #expect(list.error.hasSuffix("hint: its fields are `count`\n"))
        let int = await evaluate("3.count")
        #expect(int.error == "t.chorus:1:3: error: int has no field `count`\n1 | 3.count\n  |   ^~~~~\n")
    }

    @Test func objectFields() async {
        let harness = Harness()
        await harness.session.assign("d", .object(FakeDataset(rows: 4)))
        await harness.run("d.rows * 2\nd.row")
        #expect(harness.output.output == "8\n")
        #expect(harness.output.error.hasPrefix("t.chorus:2:3: error: dataset has no field `row`\n"))
        #expect(harness.output.error.hasSuffix("hint: did you mean `.rows`?\n"))
    }

    @Test func missingKey() async {
        let result = await evaluate("r = {name: 1}\nr[\"nam\"]")
        #expect(
            result.error == """
                t.chorus:2:3: error: record has no field "nam"
                2 | r["nam"]
                  |   ^~~~~
                hint: did you mean "name"?

                """)
    }

    @Test func indexingWithTheWrongType() async {
        let result = await evaluate("xs = [1]\nxs[\"a\"]")
        #expect(
            result.error == """
                t.chorus:2:4: error: cannot index list with string
                2 | xs["a"]
                  |    ^~~
                hint: lists take an int index (`xs[0]`), records a string key (`r["name"]`); datasets, sample sets and strategy results an int position

                """)
    }

    @Test func underscoreWithoutAResult() async {
        let result = await evaluate("_")
        #expect(result.error == "t.chorus:1:1: error: there is no result yet for `_` to refer to\n1 | _\n  | ^\n")
    }

    @Test func numberedResultThatDoesNotExist() async {
        let none = await evaluate("_4")
        #expect(none.error.hasPrefix("t.chorus:1:1: error: there is no result `_4`\n"))
        #expect(none.error.hasSuffix("hint: there are no results yet\n"))
        let some = await evaluate("1\n2\n_0")
        #expect(some.error.hasPrefix("t.chorus:3:1: error: there is no result `_0`\n"))
        #expect(some.error.hasSuffix("hint: results so far are _1 … _2\n"))
    }

    @Test func literals() async {
        let result = await evaluate("true\nfalse\nnone\n\"\"\"a\nb\"\"\"\n'\\x'\n1_000\n.5")
        #expect(result.output == "true\nfalse\n\"a\\nb\"\n\"\\\\x\"\n1000\n0.5\n")
    }

    @Test func errorInsideAListStopsTheWholeStatement() async {
        let harness = await Harness.running("xs = [print 1, nope, print 2]")
        #expect(harness.output.output == "1\n")
        #expect(await harness.variable("xs") == nil)
    }

    @Test func aSumOfNinetyThousandTermsIsEvaluatedAndFreed() async {
        // The tree was 90,000 levels deep: the answer printed, then freeing it overflowed the stack.
        let sum = Array(repeating: "1", count: 90_000).joined(separator: " + ")
        let result = await evaluate("x = \(sum)\nx\ny = \(sum.replacingOccurrences(of: "+", with: "*"))\ny")
        #expect(result.output == "90000\n1\n")
        #expect(result.error.isEmpty)
    }

    @Test func anErrorInALongChainPointsFromItsStartToTheFailingOperand() async {
        let result = await evaluate("x = 1 + 2 + \"a\" + 4")
        #expect(result.error.contains("t.chorus:1:5: error:"))
    }

    @Test func aRecordLiteralOfTwentyThousandFieldsKeepsEveryField() async {
        let fields = (0..<20_000).map { "k\($0): \($0)" }.joined(separator: ", ")
        let result = await evaluate("r = {\(fields)}\nr.k0\nr.k19999\nr[\"k10000\"]")
        #expect(result.output == "0\n19999\n10000\n")
        #expect(result.error.isEmpty)
    }
}

@Suite("Value nesting and long chains")
struct ValueNestingTests {
    @Test("`x = [x]` again and again stops at the nesting limit with a diagnostic, the value kept")
    func repeatedWrappingStopsAtTheLimit() async {
        let limit = Parser.maximumNesting
        let harness = Harness()
        let report = await harness.run("x = 1\n" + String(repeating: "x = [x]\n", count: limit + 3) + "y = {a: x}\n")
        #expect(report.succeeded == 1 + limit)
        #expect(report.failed == 4)
        #expect(harness.output.error.contains("this value would nest more than \(limit) lists and records deep"))
        #expect(await harness.session.variable("x")?.nestingDepth(upTo: 1_000) == limit)
    }

    @Test("nesting depth counts lists and records, empty ones too, and stops at the limit")
    func nestingDepth() {
        #expect(Value.int(1).nestingDepth(upTo: 10) == 0)
        #expect(Value.list([]).nestingDepth(upTo: 10) == 1)
        #expect(Value.list([.list([]), .int(2)]).nestingDepth(upTo: 10) == 2)
        #expect(Value.record(Record([(key: "a", value: .list([.list([.int(1)])]))])).nestingDepth(upTo: 10) == 3)
        var deep = Value.int(0)
        for _ in 0..<50 { deep = .list([deep]) }
        #expect(deep.nestingDepth(upTo: 10) == 10)
    }

    @Test("a chain of `+` joins strings and lists in order")
    func chainsJoinInOrder() async {
        let harness = await Harness.running(
            "s = \"a\" + \"b\" + \"c\" + \"\"\ns\nxs = [1] + [] + [2, 3] + [[4]]\nxs\n\"n\" + 1", expecting: nil)
        #expect(harness.output.output == "\"abc\"\n[1, 2, 3, [4]]\n")
        #expect(harness.output.error.contains("cannot"))
    }
}
