import Foundation
import Testing

@testable import ChorusEngine

@Suite struct PairGradingTests {
    let grading = PairGrading()

    @Test func aMatch() {
        #expect(
            grading.gradeLine(#####"{"id": 1, "gold": "0.5", "response": "so \\boxed{\\frac{1}{2}}"}"#####)
                == #####"{"id": 1, "extracted": "\\frac{1}{2}", "equal": true, "bucket": "match", "method": "boxed", "parsed": "q:1/2", "gold_parsed": "q:1/2"}"#####
        )
    }

    @Test func aMismatch() {
        #expect(
            grading.gradeLine(#####"{"id": 2, "gold": "5", "response": "work\n#### 6"}"#####)
                == #####"{"id": 2, "extracted": "6", "equal": false, "bucket": "mismatch", "method": "hashes", "parsed": "q:6", "gold_parsed": "q:5"}"#####
        )
    }

    @Test func noAnswerFound() {
        #expect(
            grading.gradeLine(#####"{"id": 3, "gold": "5", "response": "I cannot say."}"#####)
                == #####"{"id": 3, "extracted": null, "equal": false, "bucket": "unparseable", "method": null, "parsed": null, "gold_parsed": "q:5"}"#####
        )
    }

    @Test func anAnswerThatDoesNotParse() {
        #expect(
            grading.gradeLine(#####"{"id": 4, "gold": "5", "response": "\\boxed{#}"}"#####)
                == #####"{"id": 4, "extracted": "#", "equal": false, "bucket": "unparseable", "method": "boxed", "parsed": null, "gold_parsed": "q:5"}"#####
        )
    }

    @Test func fieldOrderAndExtraFieldsDoNotMatter() {
        #expect(
            grading.gradeLine(
                #####"{"response": "The answer is 12.", "extra": [1, {"x": 2}], "gold": "12", "id": "q"}"#####)
                == #####"{"id": "q", "extracted": "12", "equal": true, "bucket": "match", "method": "phrase", "parsed": "q:12", "gold_parsed": "q:12"}"#####
        )
    }

    @Test func idsAreEchoedAsGiven() {
        let cases: [(id: String, echoed: String)] = [
            ("7", "7"),
            ("1.50", "1.50"),
            ("-2e10", "-2e10"),
            ("1e999999", "1e999999"),
            (#####""gsm-17""#####, #####""gsm-17""#####),
            (#####""say \"hi\"\n""#####, #####""say \"hi\"\n""#####),
            ("null", "null"),
            ("true", "true"),
            (#####"[1,["x",null],[]]"#####, #####"[1,["x",null],[]]"#####),
            (#####"{"a":1,"b":[2]}"#####, #####"{"a":1,"b":[2]}"#####),
        ]
        for (id, echoed) in cases {
            #expect(
                grading.gradeLine(#####"{"id": "##### + id + #####", "gold": "5", "response": "#### 5"}"#####)
                    == #####"{"id": "##### + echoed
                    + #####", "extracted": "5", "equal": true, "bucket": "match", "method": "hashes", "parsed": "q:5", "gold_parsed": "q:5"}"#####,
                "\(id)")
        }
    }

    @Test func compositeIdsAreWrittenCompactWithSortedKeys() {
        #expect(
            grading.gradeLine(#####"{"id": {"z": [1, 2], "a": "x"}, "gold": "5", "response": "#### 5"}"#####)
                == #####"{"id": {"a":"x","z":[1,2]}, "extracted": "5", "equal": true, "bucket": "match", "method": "hashes", "parsed": "q:5", "gold_parsed": "q:5"}"#####
        )
    }

    @Test func aMissingIdIsNull() {
        #expect(
            grading.gradeLine(#####"{"gold": "5", "response": "#### 4"}"#####)
                == #####"{"id": null, "extracted": "4", "equal": false, "bucket": "mismatch", "method": "hashes", "parsed": "q:4", "gold_parsed": "q:5"}"#####
        )
    }

    @Test func extractedTextIsEscaped() {
        #expect(
            grading.gradeLine(#####"{"id": 1, "gold": "monday", "response": "<answer>\"Monday\"\t</answer>"}"#####)
                == #####"{"id": 1, "extracted": "\"Monday\"", "equal": true, "bucket": "match", "method": "answerTag", "parsed": "t:monday", "gold_parsed": "t:monday"}"#####
        )
    }

    @Test func malformedJSONIsAnErrorRow() {
        #expect(
            grading.gradeLine(#####"{"id": 1,"#####)
                == #####"{"id": null, "error": "not valid JSON: expected a quoted key at column 10"}"#####)
        #expect(
            grading.gradeLine("")
                == #####"{"id": null, "error": "not valid JSON: unexpected end of line at column 1"}"#####)
        #expect(
            grading.gradeLine(#####"{"id": 1} trailing"#####)
                == #####"{"id": null, "error": "not valid JSON: unexpected text after the value at column 11"}"#####)
    }

    @Test func aValueThatIsNotAnObjectIsAnErrorRow() {
        for line in [#####"[1, 2]"#####, #####""text""#####, "42", "null"] {
            #expect(grading.gradeLine(line) == #####"{"id": null, "error": "not a JSON object"}"#####, "\(line)")
        }
    }

    @Test func missingFieldsAreErrorRows() {
        #expect(
            grading.gradeLine(#####"{"id": 7, "response": "#### 5"}"#####)
                == #####"{"id": 7, "error": "missing field \"gold\""}"#####)
        #expect(
            grading.gradeLine(#####"{"id": "x", "gold": "5"}"#####)
                == #####"{"id": "x", "error": "missing field \"response\""}"#####)
        #expect(grading.gradeLine("{}") == #####"{"id": null, "error": "missing field \"gold\""}"#####)
    }

    @Test func fieldsThatAreNotStringsAreErrorRows() {
        #expect(
            grading.gradeLine(#####"{"id": 8, "gold": 5, "response": "#### 5"}"#####)
                == #####"{"id": 8, "error": "\"gold\" is not a string"}"#####)
        #expect(
            grading.gradeLine(#####"{"id": 8, "gold": null, "response": "#### 5"}"#####)
                == #####"{"id": 8, "error": "\"gold\" is not a string"}"#####)
        #expect(
            grading.gradeLine(#####"{"id": [8], "gold": "5", "response": ["#### 5"]}"#####)
                == #####"{"id": [8], "error": "\"response\" is not a string"}"#####)
    }

    @Test func everyLineGivesOneJSONObjectAndNeverACrash() throws {
        let lines = [
            "", " ", "{", "}", "[", "\"", "{\"id\":", "{\"id\": 1, \"gold\": \"5\", \"response\": \"\\ud800\"}",
            "{\"id\": 1, \"gold\": \"\", \"response\": \"\"}", "{\"gold\": \"5\", \"response\": \"\\boxed{\"}",
            String(repeating: "[", count: 2000),
            String(repeating: "{\"a\":", count: 600) + "1" + String(repeating: "}", count: 600),
            "{\"id\": 1, \"gold\": \"\\u0000\", \"response\": \"\\u0001\\boxed{1}\"}",
            "\u{FEFF}{\"id\": 1}", "{\"id\": 1, \"id\": 2, \"gold\": \"1\", \"response\": \"1\"}",
            "{\"id\": \"é😀\", \"gold\": \"3\", \"response\": \"\\\\boxed{3}\"}",
        ]
        for line in lines {
            let row = grading.gradeLine(line)
            #expect(!row.contains("\n"), "\(line.prefix(40))")
            let object = try JSONSerialization.jsonObject(with: Data(row.utf8), options: [.fragmentsAllowed])
            let fields = try #require(object as? [String: Any], "\(line.prefix(40))")
            #expect(fields["id"] != nil)
            #expect((fields["error"] != nil) != (fields["bucket"] != nil), "\(line.prefix(40)) → \(row)")
        }
    }

    @Test func aResponseCutOffIsTruncated() {
        #expect(
            grading.gradeLine(
                #####"{"id": 1, "gold": "5", "response": "so \\boxed{5}", "finish_reason": "length"}"#####)
                == #####"{"id": 1, "extracted": "5", "equal": false, "bucket": "truncated", "method": "boxed", "parsed": "q:5", "gold_parsed": "q:5"}"#####
        )
        #expect(
            grading.gradeLine(
                #####"{"id": 2, "gold": "5", "response": "\\boxed{4} so \\boxed{5", "finish_reason": null}"#####)
                == #####"{"id": 2, "extracted": "4", "equal": false, "bucket": "truncated", "method": "boxed", "parsed": "q:4", "gold_parsed": "q:5"}"#####
        )
        #expect(
            grading.gradeLine(#####"{"id": 3, "gold": "5", "response": "so \\boxed{5}", "finish_reason": "stop"}"#####)
                == #####"{"id": 3, "extracted": "5", "equal": true, "bucket": "match", "method": "boxed", "parsed": "q:5", "gold_parsed": "q:5"}"#####
        )
    }

    @Test func truncatedResponsesAreGradedWhenThePolicySaysSo() {
        let graded = PairGrading(truncation: .grade)
        #expect(
            graded.gradeLine(#####"{"id": 1, "gold": "5", "response": "so \\boxed{5}", "finish_reason": "length"}"#####)
                == #####"{"id": 1, "extracted": "5", "equal": true, "bucket": "match", "method": "boxed", "parsed": "q:5", "gold_parsed": "q:5"}"#####
        )
    }

    @Test func aRowMayAskForTheReward() {
        #expect(
            grading.gradeLine(
                #####"{"id": 1, "gold": "5", "response": "\\boxed{5}", "reward": "shaped", "format": "boxed"}"#####)
                == #####"{"id": 1, "extracted": "5", "formatted": true, "correct": true, "reward": 1.0, "truncated": false}"#####
        )
        #expect(
            grading.gradeLine(#####"{"id": 2, "gold": "5", "response": "<answer>5", "reward": "shaped"}"#####)
                == #####"{"id": 2, "extracted": null, "formatted": false, "correct": false, "reward": -1.0, "truncated": true}"#####
        )
        #expect(
            grading.gradeLine(
                #####"{"id": 3, "gold": "5", "response": "<answer>5", "reward": "paper", "finish_reason": "stop"}"#####)
                == #####"{"id": 3, "extracted": "5", "formatted": true, "correct": true, "reward": 1.0, "truncated": false}"#####
        )
    }

    @Test func badOptionalFieldsAreErrorRows() {
        #expect(
            grading.gradeLine(#####"{"id": 1, "gold": "5", "response": "x", "finish_reason": 3}"#####)
                == #####"{"id": 1, "error": "\"finish_reason\" is not a string or null"}"#####)
        #expect(
            grading.gradeLine(#####"{"id": 2, "gold": "5", "response": "x", "reward": "generous"}"#####)
                == #####"{"id": 2, "error": "unknown reward preset \"generous\" (presets: paper, shaped)"}"#####)
        #expect(
            grading.gradeLine(#####"{"id": 3, "gold": "5", "response": "x", "format": "boxed"}"#####)
                == #####"{"id": 3, "error": "\"format\" goes with \"reward\""}"#####)
    }
}
