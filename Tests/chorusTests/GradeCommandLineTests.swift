import ChorusTestSupport
import Foundation
import Testing

/// `chorus grade --pairs FILE` and `--serve`: one JSONL row out per non-blank row in, in order, and exit codes.
@Suite struct GradeCommandLineTests {
    static let rows = [
        #####"{"id": 1, "gold": "0.5", "response": "so \\boxed{\\frac{1}{2}}"}"#####,
        #####"{"id": "two", "gold": "5", "response": "The answer is 6."}"#####,
        #####"{"id": null, "gold": "5", "response": "I cannot tell"}"#####,
        #####"{"id": [3, ["a", null]], "gold": "5", "response": "\\boxed{#}"}"#####,
    ]

    static let graded = [
        #####"{"id": 1, "extracted": "\\frac{1}{2}", "equal": true, "bucket": "match", "method": "boxed", "parsed": "q:1/2", "gold_parsed": "q:1/2"}"#####,
        #####"{"id": "two", "extracted": "6", "equal": false, "bucket": "mismatch", "method": "phrase", "parsed": "q:6", "gold_parsed": "q:5"}"#####,
        #####"{"id": null, "extracted": null, "equal": false, "bucket": "unparseable", "method": null, "parsed": null, "gold_parsed": "q:5"}"#####,
        #####"{"id": [3,["a",null]], "extracted": "#", "equal": false, "bucket": "unparseable", "method": "boxed", "parsed": null, "gold_parsed": "q:5"}"#####,
    ]

    static func file(_ text: String) throws -> URL {
        let file = try TemporaryFolder(removedWhenReleased: false).url.appendingPathComponent("pairs.jsonl")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func gradesEveryRowInOrder() throws {
        let file = try Self.file(Self.rows.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try ChorusProcess.chorus(["grade", "--pairs", file.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == Self.graded.joined(separator: "\n") + "\n")
        #expect(result.standardError == "")
    }

    @Test func blankLinesAreSkippedAndTheLastLineNeedsNoNewline() throws {
        let file = try Self.file("\n" + Self.rows[0] + "\n\n   \n\t\n" + Self.rows[1])
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try ChorusProcess.chorus(["grade", "--pairs", file.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == Self.graded[0] + "\n" + Self.graded[1] + "\n")
    }

    @Test func windowsLineEndingsAreOneRowEach() throws {
        let file = try Self.file(Self.rows.joined(separator: "\r\n") + "\r\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try ChorusProcess.chorus(["grade", "--pairs", file.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == Self.graded.joined(separator: "\n") + "\n")
    }

    @Test func badRowsGiveErrorRowsAndTheRunGoesOn() throws {
        let input = [
            "not json",
            Self.rows[0],
            "[1, 2]",
            #####"{"id": 9, "response": "#### 5"}"#####,
            #####"{"id": "g", "gold": 5, "response": "#### 5"}"#####,
            #####"{"id": 10, "gold": "5"}"#####,
            #####"{"id": 11, "gold": "5", "response": false}"#####,
            Self.rows[1],
        ].joined(separator: "\n")
        let result = try ChorusProcess.chorus(["grade", "--pairs", "-"], input: input)
        #expect(result.status == 0)
        #expect(
            result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false) == [
                #####"{"id": null, "error": "not valid JSON: unexpected character \"o\" at column 2"}"#####,
                Self.graded[0][...],
                #####"{"id": null, "error": "not a JSON object"}"#####,
                #####"{"id": 9, "error": "missing field \"gold\""}"#####,
                #####"{"id": "g", "error": "\"gold\" is not a string"}"#####,
                #####"{"id": 10, "error": "missing field \"response\""}"#####,
                #####"{"id": 11, "error": "\"response\" is not a string"}"#####,
                Self.graded[1][...],
                "",
            ])
        #expect(result.standardError == "")
    }

    @Test func aDashReadsStandardInput() throws {
        let result = try ChorusProcess.chorus(["grade", "--pairs", "-"], input: Self.rows.joined(separator: "\n"))
        #expect(result.status == 0)
        #expect(result.standardOutput == Self.graded.joined(separator: "\n") + "\n")
    }

    @Test func emptyInputGivesNoRows() throws {
        let result = try ChorusProcess.chorus(["grade", "--pairs", "-"], input: "\n\n")
        #expect(result.status == 0)
        #expect(result.standardOutput == "")
    }

    @Test func manyRowsComeOutOnePerRow() throws {
        let input = (1...5000).map {
            #####"{"id": \#####($0), "gold": "\#####($0)", "response": "#### \#####($0 % 2 == 0 ? $0 : $0 + 1)"}"#####
        }
        let file = try Self.file(input.joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try ChorusProcess.chorus(["grade", "--pairs", file.path])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 5000)
        #expect(
            lines.first
                == #####"{"id": 1, "extracted": "2", "equal": false, "bucket": "mismatch", "method": "hashes", "parsed": "q:2", "gold_parsed": "q:1"}"#####
        )
        #expect(
            lines.last
                == #####"{"id": 5000, "extracted": "5000", "equal": true, "bucket": "match", "method": "hashes", "parsed": "q:5000", "gold_parsed": "q:5000"}"#####
        )
        #expect(lines.filter { $0.contains(#####""bucket": "match""#####) }.count == 2500)
    }

    @Test func aMissingFileExits66() throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nope.jsonl").path
        let result = try ChorusProcess.chorus(["grade", "--pairs", path])
        #expect(result.status == 66)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "chorus: cannot read \(path)\n")
    }

    @Test func wrongArgumentsExit64() throws {
        for arguments in [
            ["grade"], ["grade", "--pairs"], ["grade", "pairs.jsonl"], ["grade", "--pair", "x"],
            ["grade", "--pairs", "a", "b"], ["grade", "--serve", "--pairs", "a"],
            ["grade", "--pairs", "a", "--truncated", "drop"],
        ] {
            let result = try ChorusProcess.chorus(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.standardOutput == "", "\(arguments)")
            #expect(result.standardError.hasPrefix("chorus: "), "\(arguments)")
            #expect(result.standardError.contains("usage: chorus"), "\(arguments)")
        }
    }

    @Test func rewardScoresRowsAsTheTrainersDo() throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rows.jsonl").path
        try """
        {"id": 1, "gold": "42", "response": "<think>6 × 7</think><answer>42</answer>"}
        {"id": 2, "gold": "42", "response": "<answer>41</answer>"}
        {"id": 3, "gold": "42", "response": "\\\\boxed{42}"}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let paper = try ChorusProcess.chorus(["grade", "--pairs", path, "--reward", "paper"])
        #expect(paper.status == 0)
        #expect(
            paper.standardOutput == """
                {"id": 1, "extracted": "42", "formatted": true, "correct": true, "reward": 1.0, "truncated": false}
                {"id": 2, "extracted": "41", "formatted": true, "correct": false, "reward": 0.05, "truncated": false}
                {"id": 3, "extracted": null, "formatted": false, "correct": false, "reward": 0.0, "truncated": false}

                """)
        let boxed = try ChorusProcess.chorus(["grade", "--pairs", path, "--reward", "shaped", "--format", "boxed"])
        #expect(
            boxed.standardOutput.split(separator: "\n").map { $0.contains("\"reward\": 1.0,") } == [false, false, true])
        for arguments in [["--reward", "gentle"], ["--format", "boxed"], ["--reward", "paper", "--format", "latex"]] {
            let result = try ChorusProcess.chorus(["grade", "--pairs", path] + arguments)
            #expect(result.status == 64, "\(arguments)")
        }
    }

    @Test func truncatedRowsAreSeparateUnlessTheFlagSaysGrade() throws {
        let row = #####"{"id": 1, "gold": "5", "response": "\\boxed{5}", "finish_reason": "length"}"#####
        let separate = try ChorusProcess.chorus(["grade", "--pairs", "-"], input: row)
        #expect(separate.standardOutput.contains(#####""bucket": "truncated""#####))
        let graded = try ChorusProcess.chorus(["grade", "--pairs", "-", "--truncated", "grade"], input: row)
        #expect(graded.standardOutput.contains(#####""bucket": "match""#####))
    }

    @Test func serveAnswersEveryRowAndStopsWhenInputCloses() throws {
        let result = try ChorusProcess.chorus(
            ["grade", "--serve", "--reward", "shaped"],
            input: Self.rows.joined(separator: "\n") + "\n"
                + #####"{"id": 5, "gold": "2", "response": "\\boxed{2}", "format": "boxed"}"#####)
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(
            lines[0]
                == #####"{"id": 1, "extracted": null, "formatted": false, "correct": false, "reward": -1.0, "truncated": false}"#####
        )
        #expect(
            lines[4]
                == #####"{"id": 5, "extracted": "2", "formatted": true, "correct": true, "reward": 1.0, "truncated": false}"#####
        )
        #expect(result.standardError == "")
    }
}
