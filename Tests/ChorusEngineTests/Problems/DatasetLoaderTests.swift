import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusEngine

/// Loader tests on small fixture files in the project's own words, written in the GSM8K, MATH,
/// JSON Lines and CSV layouts.
@Suite struct DatasetLoaderTests {
    static let gsm8k = #"""
        {"question": "Mina has 3 boxes of 12 crayons. How many crayons does she have?", "answer": "Each box holds 12 crayons, so 3 boxes hold 3*12=<<3*12=36>>36 crayons.\n#### 36"}

        {"question": "A school buys 250 chairs at $4 each. How much does it spend?", "answer": "The chairs cost 250*4=<<250*4=1000>>1000 dollars.\n#### 1,000"}
        """#

    static func failure(_ body: () throws -> LoadReport) -> DatasetLoadError? {
        do {
            _ = try body()
            return nil
        } catch let error as DatasetLoadError {
            return error
        } catch {
            return nil
        }
    }

    static func message(
        _ text: String, fileName: String = "data.jsonl", loader: DatasetLoader = DatasetLoader()
    ) -> String? {
        failure { try loader.load(text: text, fileName: fileName) }?.description
    }

    // MARK: GSM8K

    @Test func loadsGSM8KRows() throws {
        let report = try DatasetLoader().load(text: Self.gsm8k, fileName: "train.jsonl")
        #expect(report.format == .gsm8k)
        #expect(report.skipped.isEmpty)
        let problems = report.dataset.problems
        #expect(report.dataset.name == "train")
        #expect(problems.map(\.id) == ["train-1", "train-3"])
        #expect(problems.map(\.goldAnswer) == ["36", "1000"])
        #expect(problems[0].question == "Mina has 3 boxes of 12 crayons. How many crayons does she have?")
        #expect(problems[0].goldSolution == "Each box holds 12 crayons, so 3 boxes hold 3*12=36 crayons.")
        #expect(problems[1].goldSolution == "The chairs cost 250*4=1000 dollars.")
        #expect(problems.allSatisfy { $0.source == "gsm8k" })
        #expect(report.summary == "train: 2 problems (source: gsm8k)")
    }

    @Test func gsm8kUsesAnIDFieldWhenPresentAndRejectsRepeats() {
        let text = #"""
            {"id": "a", "question": "q1", "answer": "#### 1"}
            {"id": "b", "question": "q2", "answer": "#### 2"}
            {"id": "a", "question": "q3", "answer": "#### 3"}
            """#
        #expect(Self.message(text) == #"data.jsonl:3: id "a" was already used on line 1"#)
        let report = try? DatasetLoader(skipInvalid: true).load(text: text, fileName: "data.jsonl")
        #expect(report?.dataset.problems.map(\.id) == ["a", "b"])
        #expect(report?.skipped == [SkippedRow(line: 3, reason: .duplicateID("a", firstLine: 1))])
    }

    @Test func gsm8kRowErrorsNameFileLineAndField() {
        let good = #####"{"question": "q", "answer": "#### 1"}"#####
        func at4(_ row: String) -> String? {
            Self.message([good, good.replacingOccurrences(of: "q\"", with: "q2\""), "", row].joined(separator: "\n"))
        }
        #expect(at4(#"{"question": "q3"}"#) == #"data.jsonl:4: field "answer" is missing"#)
        #expect(at4(#####"{"answer": "#### 3"}"#####) == #####"data.jsonl:4: field "question" is missing"#####)
        #expect(
            at4(#####"{"question": "q3", "answer": "It is 3."}"#####)
                == #####"data.jsonl:4: "answer" has no final "#### N""#####)
        #expect(
            at4(#####"{"question": "q3", "answer": "It is 3. ####  "}"#####)
                == #####"data.jsonl:4: "answer" has no final "#### N""#####)
        #expect(
            at4(#"{"question": "q3", "answer": }"#)
                == #"data.jsonl:4: not valid JSON: unexpected character "}" at column 30"#)
        #expect(
            at4(#####"{"question": "q3", "answer": "#### 3""#####)
                == #####"data.jsonl:4: not valid JSON: unexpected end of line at column 38"#####)
        #expect(at4(#####"["q3", "#### 3"]"#####) == "data.jsonl:4: not a JSON object")
        #expect(
            at4(#####"{"question": "q3", "answer": ["#### 3"]}"#####)
                == #####"data.jsonl:4: field "answer" is not a string or a number"#####)
        #expect(
            at4(#####"{"question": "  ", "answer": "#### 3"}"#####)
                == #####"data.jsonl:4: field "question" is empty"#####)
        #expect(
            at4(#####"{"question": null, "answer": "#### 3"}"#####)
                == #####"data.jsonl:4: field "question" is null"#####)
    }

    @Test func theFirstBadRowStopsTheLoadWhenNotSkipping() {
        let text = [
            #####"{"question": "q1", "answer": "#### 1"}"#####,
            #"{"question": "q2"}"#,
            #"{"question": "q3", "answer": "none"}"#,
        ].joined(separator: "\n")
        let error = Self.failure { try DatasetLoader().load(text: text, fileName: "d.jsonl") }
        #expect(error == DatasetLoadError(file: "d.jsonl", line: 2, reason: .missingField("answer")))
    }

    @Test func skipInvalidCountsEveryBadRowWithItsReason() throws {
        let text = [
            #####"{"question": "q1", "answer": "#### 1"}"#####,
            #"{"question": "q2"}"#,
            "garbage",
            #####"{"question": "q4", "answer": "#### 4"}"#####,
            #"{"question": "q5", "answer": "five"}"#,
            "",
            "[]",
        ].joined(separator: "\n")
        let report = try DatasetLoader(skipInvalid: true).load(text: text, fileName: "data.jsonl")
        #expect(report.dataset.problems.map(\.question) == ["q1", "q4"])
        #expect(
            report.skipped == [
                SkippedRow(line: 2, reason: .missingField("answer")),
                SkippedRow(line: 3, reason: .invalidJSON(#"unexpected character "g" at column 1"#)),
                SkippedRow(line: 5, reason: .noFinalAnswer(field: "answer")),
                SkippedRow(line: 7, reason: .notAnObject),
            ])
        #expect(report.summary == "data: 2 problems (source: gsm8k); 4 rows skipped")
        #expect(report.skipped.map { "\($0.line): \($0.reason)" }[2] == #####"5: "answer" has no final "#### N""#####)
    }

    // MARK: MATH

    static let math = #"""
        {"problem": "What is $\\frac{1}{2} + \\frac{1}{4}$?", "solution": "Over a common denominator, $\\frac{2}{4} + \\frac{1}{4} = \\boxed{\\frac{3}{4}}$.", "level": "Level 1", "type": "Prealgebra", "unique_id": "test/prealgebra/7.json"}
        {"problem": "Solve $2x = 10$.", "solution": "Halving both sides, $x = \\boxed{5}$.", "answer": "5"}
        {"problem": "Which set has both roots of $x^2 = 3x - 2$?", "solution": "First $x = \\boxed{1}$ works; both roots form $\\boxed{\\{1, 2\\}}$."}
        """#

    @Test func loadsMATHRows() throws {
        let report = try DatasetLoader().load(text: Self.math, fileName: "math500.jsonl")
        #expect(report.format == .math)
        let problems = report.dataset.problems
        #expect(problems.map(\.id) == ["test/prealgebra/7.json", "math500-2", "math500-3"])
        #expect(problems.map(\.goldAnswer) == [#"\frac{3}{4}"#, "5", #"\{1, 2\}"#])
        #expect(problems[0].question == #"What is $\frac{1}{2} + \frac{1}{4}$?"#)
        #expect(problems[0].metadata == ["level": "Level 1", "type": "Prealgebra"])
        #expect(problems[1].goldSolution == #"Halving both sides, $x = \boxed{5}$."#)
        #expect(problems.allSatisfy { $0.source == "math" })
    }

    @Test func mathTakesAPluggableGoldExtractor() throws {
        let loader = DatasetLoader(goldFromSolution: { solution in solution.contains("Halving") ? "unused" : "custom" })
        let problems = try loader.load(text: Self.math, fileName: "m.jsonl").dataset.problems
        #expect(problems.map(\.goldAnswer) == ["custom", "5", "custom"])
        let none = DatasetLoader(goldFromSolution: { _ in nil })
        #expect(
            Self.message(Self.math, loader: none)
                == #"data.jsonl:1: "solution" has no \boxed{…} answer and there is no "answer" field"#)
    }

    @Test func mathRowErrors() {
        let header = #"{"problem": "p", "solution": "\\boxed{1}"}"#
        #expect(
            Self.message(header + "\n" + #"{"problem": "p2", "solution": "no box here"}"#)
                == #"data.jsonl:2: "solution" has no \boxed{…} answer and there is no "answer" field"#)
        #expect(
            Self.message(header + "\n" + #"{"problem": "p2", "solution": "\\boxed{}"}"#)
                == #"data.jsonl:2: "solution" has no \boxed{…} answer and there is no "answer" field"#)
        #expect(
            Self.message(header + "\n" + #"{"problem": "p2", "answer": "3"}"#)
                == #"data.jsonl:2: field "solution" is missing"#)
        #expect(Self.message(header + "\n" + #"{"problem": "p2", "solution": "\\boxed{2}", "level": 3}"#) == nil)
    }

    // MARK: Generic JSON Lines and CSV

    @Test func genericJSONLinesUsesTheCallersFieldNames() throws {
        let text = #"""
            {"key": "k1", "prompt": "How many legs do 2 cats have?", "target": 8, "rationale": "2 × 4 = 8"}
            {"prompt": "Half of 5?", "target": 2.50}
            """#
        let loader = DatasetLoader(
            format: .jsonl(FieldMapping(question: "prompt", answer: "target", id: "key", solution: "rationale")))
        let report = try loader.load(text: text, fileName: "mine.jsonl")
        let problems = report.dataset.problems
        #expect(problems.map(\.id) == ["k1", "mine-2"])
        #expect(problems.map(\.goldAnswer) == ["8", "2.50"])
        #expect(problems.map(\.goldSolution) == ["2 × 4 = 8", nil])
        #expect(problems.allSatisfy { $0.source == "mine" })
        #expect(Self.message(#"{"prompt": "q"}"#, loader: loader) == #"data.jsonl:1: field "target" is missing"#)
    }

    @Test func anExplicitFormatOverridesDetection() throws {
        let text = #"{"question": "2 + 2?", "answer": "4"}"#
        #expect(Self.message(text) == #####"data.jsonl:1: "answer" has no final "#### N""#####)
        let loader = DatasetLoader(
            format: .jsonl(FieldMapping(question: "question", answer: "answer")), name: "sums", source: "hand")
        let problem = try loader.load(text: text, fileName: "data.jsonl").dataset.problems[0]
        #expect(problem == Problem(id: "sums-1", question: "2 + 2?", goldAnswer: "4", source: "hand"))
    }

    static let csv =
        "id,question,answer,notes\r\n"
        + "c1,\"Add 2, 3 and 4.\",9,plain\r\n"
        + "c2,\"Say \"\"hi\"\" twice.\",\"hi hi\",\"two\r\nlines\"\r\n"
        + "c3,What is 10 / 4?,2.5,\r\n"

    @Test func loadsCSVWithAHeaderQuotingAndCRLF() throws {
        let loader = DatasetLoader(
            format: .csv(FieldMapping(question: "question", answer: "answer", id: "id", solution: "notes")))
        let report = try loader.load(text: Self.csv, fileName: "sheet.csv")
        let problems = report.dataset.problems
        #expect(problems.map(\.id) == ["c1", "c2", "c3"])
        #expect(problems.map(\.question) == ["Add 2, 3 and 4.", #"Say "hi" twice."#, "What is 10 / 4?"])
        #expect(problems.map(\.goldAnswer) == ["9", "hi hi", "2.5"])
        #expect(problems.map(\.goldSolution) == ["plain", "two\r\nlines", nil])
        #expect(report.dataset.summary == "sheet: 3 problems (source: sheet)")
    }

    @Test func csvIsDetectedFromItsExtensionAndHeader() throws {
        let report = try DatasetLoader().load(text: Self.csv, fileName: "sheet.csv")
        #expect(report.format == .csv(FieldMapping(question: "question", answer: "answer", id: "id")))
        #expect(report.dataset.problems.map(\.id) == ["c1", "c2", "c3"])
        let math = "problem,solution\nWhat is 1 + 1?,\"It is \\boxed{2}.\"\n"
        let mathReport = try DatasetLoader().load(text: math, fileName: "m.csv")
        #expect(mathReport.format == .math)
        #expect(mathReport.dataset.problems.map(\.goldAnswer) == ["2"])
        #expect(mathReport.dataset.problems.map(\.id) == ["m-2"])
    }

    @Test func csvErrorsCountLinesInsideQuotedFields() {
        let text = "question,answer\n\"two\nlines\",1\nshort\n\"never closed,2\n"
        #expect(Self.message(text, fileName: "t.csv") == "t.csv:4: expected 2 fields as in the header, found 1")
        let report = try? DatasetLoader(skipInvalid: true).load(text: text, fileName: "t.csv")
        #expect(report?.dataset.problems.map(\.id) == ["t-2"])
        #expect(
            report?.skipped == [
                SkippedRow(line: 4, reason: .wrongFieldCount(expected: 2, found: 1)),
                SkippedRow(line: 5, reason: .malformedCSV("a quoted field is never closed")),
            ])
        #expect(
            Self.message("question,answer\nq,\"1\"x\n", fileName: "t.csv")
                == "t.csv:2: malformed CSV: text after the closing quote of a field")
        #expect(Self.message("question,answer\nq,\n", fileName: "t.csv") == #"t.csv:2: field "answer" is empty"#)
    }

    @Test func csvHeaderProblemsStopTheLoadEvenWhenSkipping() {
        let skipping = DatasetLoader(
            format: .csv(FieldMapping(question: "q", answer: "a", id: "key")),
            skipInvalid: true
        )
        #expect(
            Self.message("q,answer\nx,1\n", fileName: "h.csv", loader: skipping)
                == #"h.csv:1: no column "a" in the header (columns: "q", "answer")"#)
        #expect(
            Self.message("q,a\nx,1\n", fileName: "h.csv", loader: skipping)
                == #"h.csv:1: no column "key" in the header (columns: "q", "a")"#)
        #expect(
            Self.message("q,a,q\nx,1,2\n", fileName: "h.csv", loader: skipping)
                == #"h.csv:1: column "q" appears twice in the header"#)
        #expect(
            Self.message("\"q,a\n", fileName: "h.csv", loader: skipping)
                == "h.csv:1: malformed CSV: a quoted field is never closed")
    }

    // MARK: Detection and files

    @Test func undetectableAndEmptyFilesSayWhatToDo() throws {
        #expect(
            Self.message("\n" + #"{"q": "x", "a": "1"}"#)
                == #"data.jsonl:2: cannot tell the format from the fields ("a", "q"): expected "question" and "answer" (GSM8K) or "problem" and "solution" (MATH); pass format:"#
        )
        #expect(
            Self.message("q,a\n", fileName: "t.csv")
                == #"t.csv:1: cannot tell the format from the fields ("q", "a"): expected "question" and "answer" (GSM8K) or "problem" and "solution" (MATH); pass format:"#
        )
        #expect(
            Self.message("\n  \n") == "data.jsonl: the file has no rows, so its format cannot be told; pass format:")
        #expect(Self.message("oops") == #"data.jsonl:1: not valid JSON: unexpected character "o" at column 1"#)
        let empty = try DatasetLoader(format: .gsm8k).load(text: "", fileName: "none.jsonl")
        #expect(empty.dataset.isEmpty && empty.skipped.isEmpty)
    }

    @Test func detectionUsesTheFirstReadableRow() throws {
        let text = "garbage\n" + #####"{"question": "q", "answer": "#### 5"}"#####
        let report = try DatasetLoader(skipInvalid: true).load(text: text, fileName: "d.jsonl")
        #expect(report.format == .gsm8k)
        #expect(report.dataset.count == 1 && report.skipped.map(\.line) == [1])
    }

    @Test func loadsFromFilesAndNamesThePath() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(Self.gsm8k + "\n" + #"{"question": "q"}"#, to: "gsm8k-mini.jsonl")
        #expect(
            Self.failure { try DatasetLoader().load(path: path) }?.description
                == "\(path):4: field \"answer\" is missing")
        let report = try DatasetLoader(skipInvalid: true).load(path: path)
        #expect(report.dataset.name == "gsm8k-mini" && report.dataset.count == 2)
        let csvPath = try folder.write(Self.csv, to: "sheet.csv")
        #expect(try DatasetLoader().load(path: csvPath).dataset.count == 3)
        let missing = folder.path("absent.jsonl")
        #expect(
            Self.failure { try DatasetLoader().load(path: missing) }
                == DatasetLoadError(file: missing, line: nil, reason: .fileNotFound))
        #expect(Self.failure { try DatasetLoader().load(path: missing) }?.description == "\(missing): no such file")
        let binary = folder.path("binary.jsonl")
        try Data([0x7B, 0xFF, 0xFE, 0x7D]).write(to: URL(fileURLWithPath: binary))
        #expect(
            Self.failure { try DatasetLoader().load(path: binary) }?.description == "\(binary): not valid UTF-8 text")
    }

    @Test func baseNameDropsFoldersAndExtension() {
        #expect(DatasetLoader.baseName(of: "data/gsm8k-test.jsonl") == "gsm8k-test")
        #expect(DatasetLoader.baseName(of: "plain") == "plain")
        #expect(DatasetLoader.baseName(of: ".hidden") == ".hidden")
        #expect(DatasetLoader.baseName(of: "/tmp/a.b.csv") == "a.b")
    }
}
