import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite("load")
struct LoadCommandTests {
    static let math = """
        {"problem": "Compute $1+1$.", "solution": "It is $\\\\boxed{2}$.", "level": "Level 1", "type": "Algebra"}
        {"problem": "Simplify $2/4$.", "solution": "Reduce.", "answer": "\\\\frac{1}{2}", "unique_id": "m/2.json"}

        """

    static let csv = "q,a,key,work\nOne plus one?,2,c1,1+1\n\"Two, times three?\",6,c2,2*3\n"

    /// A loaded dataset, or the error text.
    static func load(
        _ arguments: String, file name: String, text: String
    ) async throws
        -> (harness: Harness, result: Session.Report, path: String)
    {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        let path = try writeFile(text, named: name, in: folder)
        let harness = Harness()
        let result = await harness.run("d = load \(quoted(path))\(arguments.isEmpty ? "" : " " + arguments)")
        return (harness, result, path)
    }

    @Test func gsm8kIsDetected() async throws {
        let (harness, result, _) = try await Self.load("", file: "tiny.jsonl", text: EngineFixtures.tinyGSM8K)
        #expect(result == report(succeeded: 1))
        await harness.run("d")
        #expect(
            harness.output.output == """
                tiny: 3 problems (source: gsm8k)
                  tiny-1: Tom has 2 apples and buys 3 more. How many?  [gold: 5]
                  tiny-2: What is 10 / 4?  [gold: 2.5]
                  tiny-3: Half of 14?  [gold: 7]

                """)
        #expect(harness.output.error == "")
    }

    @Test func mathIsDetected() async throws {
        let (harness, result, _) = try await Self.load("", file: "m.jsonl", text: Self.math)
        #expect(result == report(succeeded: 1))
        await harness.run("d.ids\nd.answers\nd")
        #expect(
            harness.output.output == """
                ["m-1", "m/2.json"]
                ["2", "\\\\frac{1}{2}"]
                m: 2 problems (source: math)
                  m-1: Compute $1+1$.  [gold: 2]
                  m/2.json: Simplify $2/4$.  [gold: \\frac{1}{2}]

                """)
    }

    @Test func anExplicitFormatIsUsed() async throws {
        let (harness, result, _) = try await Self.load(
            "format: gsm8k", file: "rows.txt", text: EngineFixtures.tinyGSM8K)
        #expect(result == report(succeeded: 1))
        await harness.run("d.answers")
        #expect(harness.output.output == "[\"5\", \"2.5\", \"7\"]\n")
        let math = try await Self.load("format: math", file: "rows.txt", text: Self.math)
        #expect(math.result == report(succeeded: 1))
        await math.harness.run("d.count")
        #expect(math.harness.output.output == "2\n")
    }

    @Test func aFormatThatDoesNotFitTheRowsFails() async throws {
        let (harness, result, path) = try await Self.load(
            "format: math", file: "t.jsonl", text: EngineFixtures.tinyGSM8K)
        #expect(result == report(failed: 1))
        #expect(harness.output.error.hasPrefix("t.chorus:1:10: error: \(path):1: field \"problem\" is missing\n"))
    }

    @Test func csvWithFieldNames() async throws {
        let (harness, result, _) = try await Self.load(
            "format: csv question: \"q\" answer: \"a\" id: \"key\" solution: \"work\"", file: "c.csv", text: Self.csv)
        #expect(result == report(succeeded: 1))
        await harness.run("d")
        #expect(
            harness.output.output == """
                c: 2 problems (source: c)
                  c1: One plus one?  [gold: 2]
                  c2: Two, times three?  [gold: 6]

                """)
    }

    @Test func jsonlWithFieldNamesAndDefaultIds() async throws {
        let rows = "{\"prompt\": \"P one\", \"target\": \"11\"}\n{\"prompt\": \"P two\", \"target\": 12}\n"
        let (harness, result, _) = try await Self.load(
            "format: jsonl question: \"prompt\" answer: \"target\"", file: "g.jsonl", text: rows)
        #expect(result == report(succeeded: 1))
        await harness.run("d.ids\nd.answers\nd.questions")
        #expect(harness.output.output == "[\"g-1\", \"g-2\"]\n[\"11\", \"12\"]\n[\"P one\", \"P two\"]\n")
    }

    @Test func csvWithoutFieldNamesIsAnError() async throws {
        let (harness, result, _) = try await Self.load("format: csv", file: "c.csv", text: Self.csv)
        #expect(result == report(failed: 1))
        let path = try #require(harness.output.error.split(separator: "\n").first)
        #expect(path.hasSuffix(": error: format csv needs the field names"))
        #expect(
            harness.output.error.contains(
                "hint: add question: \"…\" answer: \"…\" (and optionally id: and solution:)\n"))
        #expect(await harness.variable("d") == nil)
    }

    @Test func jsonlNeedsBothFieldNames() async throws {
        let (harness, result, path) = try await Self.load(
            "format: jsonl question: \"q\"", file: "c.jsonl", text: "{\"q\": \"x\", \"a\": \"1\"}\n")
        #expect(result == report(failed: 1))
        let column = "d = load \(quoted(path)) ".count + 1
        #expect(harness.output.error.hasPrefix("t.chorus:1:\(column): error: format jsonl needs the field names\n"))
    }

    @Test func csvColumnsMustExist() async throws {
        let (harness, result, path) = try await Self.load(
            "format: csv question: \"question\" answer: \"a\"", file: "c.csv", text: Self.csv)
        #expect(result == report(failed: 1))
        #expect(
            harness.output.error.contains(
                "error: \(path):1: no column \"question\" in the header (columns: \"q\", \"a\", \"key\", \"work\")"))
    }

    @Test func aCSVWhoseFormatCannotBeToldNeedsOne() async throws {
        let (harness, result, path) = try await Self.load("", file: "c.csv", text: Self.csv)
        #expect(result == report(failed: 1))
        #expect(
            harness.output.error.contains(
                "error: \(path):1: cannot tell the format from the fields (\"q\", \"a\", \"key\", \"work\")"))
    }

    @Test func aMissingFileIsNamed() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        let path = (folder as NSString).appendingPathComponent("missing.jsonl")
        let harness = await Harness.running("load \(quoted(path))", expecting: report(failed: 1))
        #expect(
            harness.output.error == """
                t.chorus:1:6: error: \(path): no such file
                1 | load \(quoted(path))
                  |      ^\(String(repeating: "~", count: quoted(path).count - 1))

                """)
    }

    @Test func aBadRowStopsTheLoadWithItsLine() async throws {
        let rows = "{\"question\": \"A?\", \"answer\": \"#### 1\"}\nnot json\n"
        let (harness, result, path) = try await Self.load("", file: "bad.jsonl", text: rows)
        #expect(result == report(failed: 1))
        #expect(
            harness.output.error.hasPrefix(
                "t.chorus:1:10: error: \(path):2: not valid JSON: unexpected character \"o\" at column 2\n"))
    }

    @Test func skipInvalidListsSkippedRowsOnStandardError() async throws {
        let rows = """
            {"question": "A?", "answer": "#### 1"}
            not json
            {"question": "B?", "answer": "no hashes"}
            {"question": "C?", "answer": "#### 3"}

            """
        let (harness, result, path) = try await Self.load("skip_invalid: true", file: "bad.jsonl", text: rows)
        #expect(result == report(succeeded: 1))
        let error = harness.output.error
        #expect(error.contains(": warning: skipped 2 invalid rows of \(path)\n"))
        #expect(
            error.hasSuffix(
                """
                note: line 2: not valid JSON: unexpected character "o" at column 2
                note: line 3: "answer" has no final "#### N"

                """))
        await harness.run("d.ids")
        #expect(harness.output.output == "[\"bad-1\", \"bad-4\"]\n")
    }

    @Test func oneSkippedRowIsSingular() async throws {
        let rows = "{\"question\": \"A?\", \"answer\": \"#### 1\"}\n[1]\n"
        let (harness, result, path) = try await Self.load("skip_invalid: true", file: "one.jsonl", text: rows)
        #expect(result == report(succeeded: 1))
        #expect(harness.output.error.contains(": warning: skipped 1 invalid row of \(path)\n"))
        #expect(harness.output.error.hasSuffix("\nnote: line 2: not a JSON object\n"))
    }

    @Test func moreThanTenSkippedRowsAreCounted() async throws {
        let rows = "{\"question\": \"A?\", \"answer\": \"#### 1\"}\n" + String(repeating: "[1]\n", count: 12)
        let (harness, result, path) = try await Self.load("skip_invalid: true", file: "many.jsonl", text: rows)
        #expect(result == report(succeeded: 1))
        let notes = (2...11).map { "note: line \($0): not a JSON object\n" }.joined() + "note: … 2 more\n"
        #expect(harness.output.error.contains(": warning: skipped 12 invalid rows of \(path)\n"))
        #expect(harness.output.error.hasSuffix(notes))
    }

    @Test func skipInvalidFalseFails() async throws {
        let rows = "{\"question\": \"A?\", \"answer\": \"#### 1\"}\n[1]\n"
        let (_, result, _) = try await Self.load("skip_invalid: false", file: "one.jsonl", text: rows)
        #expect(result == report(failed: 1))
    }

    @Test func limitKeepsTheFirstProblems() async throws {
        let (harness, result, _) = try await Self.load("limit: 2", file: "tiny.jsonl", text: EngineFixtures.tinyGSM8K)
        #expect(result == report(succeeded: 1))
        await harness.run("d.ids")
        #expect(harness.output.output == "[\"tiny-1\", \"tiny-2\"]\n")
        let more = try await Self.load("limit: 50", file: "tiny.jsonl", text: EngineFixtures.tinyGSM8K)
        await more.harness.run("d.count")
        #expect(more.harness.output.output == "3\n")
    }

    @Test func limitMustBePositive() async throws {
        for limit in ["0", "-2"] {
            let (harness, result, path) = try await Self.load(
                "limit: \(limit)", file: "tiny.jsonl", text: EngineFixtures.tinyGSM8K)
            #expect(result == report(failed: 1))
            let column = "d = load \(quoted(path)) ".count + 1
            #expect(
                harness.output.error.hasPrefix(
                    "t.chorus:1:\(column): error: `limit` must be at least 1, not \(limit)\n"))
        }
    }

    @Test func shuffleComesBeforeTheLimit() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        let path = try writeFile(EngineFixtures.tinyGSM8K, named: "tiny.jsonl", in: folder)
        let harness = Harness()
        let result = await harness.run(
            """
            a = load \(quoted(path)) shuffle: 3
            b = load \(quoted(path)) shuffle: 3 limit: 1
            b.count
            """)
        #expect(result == report(succeeded: 3))
        #expect(harness.output.output == "1\n")
        let plain = try DatasetLoader().load(path: path).dataset
        #expect(await harness.variable("a") == .object(DatasetValue(plain.shuffled(seed: 3))))
        guard case .object(let object)? = await harness.variable("a"), let shuffled = object as? DatasetValue else {
            Issue.record("a is not a dataset")
            return
        }
        #expect(Set(shuffled.dataset.problems.map(\.id)) == ["tiny-1", "tiny-2", "tiny-3"])
        #expect(await harness.variable("b") == .object(DatasetValue(plain.shuffled(seed: 3).limit(1))))
    }

    @Test func aBadFormatWordIsAnError() async throws {
        let (harness, result, _) = try await Self.load(
            "format: yaml", file: "tiny.jsonl", text: EngineFixtures.tinyGSM8K)
        #expect(result == report(failed: 1))
        #expect(harness.output.error.contains("error: `yaml` is not one of `auto`, `gsm8k`, `math`, `jsonl`, `csv`"))
    }

    @Test func thePathMustBeAString() async {
        let harness = await Harness.running("load 3", expecting: report(failed: 1))
        #expect(harness.output.error.hasPrefix("t.chorus:1:6: error: `path` takes a path, not an int (3)\n"))
    }

    @Test func questionAndAnswerRowsThatAreNotGSM8KSayWhatToGive() async throws {
        let rows = "{\"question\": \"A?\", \"answer\": \"42\"}\n{\"question\": \"B?\", \"answer\": \"7\"}\n"
        let (harness, result, path) = try await Self.load("", file: "rows.jsonl", text: rows)
        #expect(result == report(failed: 1))
        #expect(harness.output.error.contains("\"answer\" has no final \"#### N\""))
        #expect(
            harness.output.error.contains(
                "hint: the rows have \"question\" and \"answer\" but not GSM8K's `#### N`; to read \"answer\" as the "
                    + "gold answer, write: load \(quoted(path)) format: jsonl question: \"question\" answer: \"answer\""
            ))
        // What the hint says to write loads the rows.
        #expect(
            await harness.run(
                "d = load \(quoted(path)) format: jsonl question: \"question\" answer: \"answer\"\nd.count")
                == report(succeeded: 2))
        #expect(harness.output.output == "2\n")
    }
}
