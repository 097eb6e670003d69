import Testing

@testable import ChorusScript

@Suite("grade")
struct GradeCommandTests {
    static func grade(_ arguments: String) async -> (Session.Report, String, String) {
        let harness = Harness()
        let result = await harness.run("grade \(arguments)")
        return (result, harness.output.output, harness.output.error)
    }

    @Test func aMatchingBoxedAnswer() async {
        let (result, output, error) = await Self.grade("'so the answer is \\boxed{\\frac{1}{2}}' \"0.5\"")
        #expect(result == report(succeeded: 1))
        #expect(
            output == """
                  response  "so the answer is \\\\boxed{\\\\frac{1}{2}}"
                  extracted "\\\\frac{1}{2}" (rule: boxed)
                  parsed    q:1/2
                  gold      "0.5" parsed as q:1/2
                  verdict   match: both normalise to the same form
                {extracted: "\\\\frac{1}{2}", method: "boxed", bucket: "match", parsed: "q:1/2", gold_parsed: "q:1/2", \
                reason: "both normalise to the same form"}

                """)
        #expect(error == "")
    }

    @Test func eachExtractionMethodIsNamed() async {
        let cases: [(response: String, extracted: String, method: String)] = [
            ("'<answer>12</answer>'", "12", "answerTag"),
            ("\"work\\n#### 1,000\"", "1,000", "hashes"),
            ("'The answer is 42.'", "42", "phrase"),
            ("'I think 7 or maybe 9'", "9", "lastNumber"),
        ]
        for item in cases {
            let (result, output, _) = await Self.grade("\(item.response) \"0\"")
            #expect(result == report(succeeded: 1))
            #expect(
                output.hasSuffix(
                    "{extracted: \"\(item.extracted)\", method: \"\(item.method)\", bucket: \"mismatch\", "
                        + "parsed: \"q:\(item.extracted.filter { $0 != "," })\", gold_parsed: \"q:0\", "
                        + "reason: \"different forms, not equivalent under the equivalence rules\"}\n"),
                "\(item.response)")
            #expect(output.contains("  extracted \"\(item.extracted)\" (rule: \(item.method))\n"), "\(item.response)")
        }
    }

    @Test func hashesWithThousandsSeparatorsMatch() async {
        let (_, output, _) = await Self.grade("\"#### 1,000\" \"1000\"")
        #expect(
            output.hasSuffix(
                "{extracted: \"1,000\", method: \"hashes\", bucket: \"match\", parsed: \"q:1000\", gold_parsed: \"q:1000\", reason: \"both normalise to the same form\"}\n"
            ))
    }

    @Test func noAnswerIsUnparseable() async {
        let (result, output, _) = await Self.grade("\"I do not know\" \"5\"")
        #expect(result == report(succeeded: 1))
        #expect(
            output.hasSuffix(
                "{extracted: none, method: none, bucket: \"unparseable\", parsed: none, gold_parsed: \"q:5\", reason: \"no rule found an answer in the response\"}\n"
            ))
        #expect(output.contains("  extracted nothing\n  parsed    -\n"))
    }

    @Test func anAnswerThatDoesNotParseIsUnparseable() async {
        let (_, output, _) = await Self.grade("'\\boxed{#}' \"5\"")
        #expect(
            output.hasSuffix(
                "{extracted: \"#\", method: \"boxed\", bucket: \"unparseable\", parsed: none, gold_parsed: \"q:5\", reason: \"the extracted text does not parse as an answer\"}\n"
            ))
        #expect(output.contains("  parsed    does not parse\n"))
    }

    @Test func fieldsAreReadable() async {
        let harness = Harness()
        let result = await harness.run("g = grade \"#### 6\" \"5\"\ng.bucket\ng.extracted\ng.gold_parsed")
        #expect(result == report(succeeded: 4))
        #expect(harness.output.output.hasSuffix("\"mismatch\"\n\"6\"\n\"q:5\"\n"))
    }

    @Test func bothArgumentsMustBeStrings() async {
        let (result, _, error) = await Self.grade("\"#### 6\" 5")
        #expect(result == report(failed: 1))
        #expect(
            error.hasPrefix(
                """
                t.chorus:1:16: error: `gold` takes a string, not an int (5)
                1 | grade "#### 6" 5
                  |                ^
                hint: usage: grade RESPONSE GOLD
                """))
        let (missing, _, missingError) = await Self.grade("\"#### 6\"")
        #expect(missing == report(failed: 1))
        #expect(missingError.contains("error: `grade` needs its argument `gold`"))
    }

    @Test func aResponseEndingInsideABoxIsTruncated() async {
        let (result, output, _) = await Self.grade("'so \\boxed{4} and \\boxed{5' \"5\"")
        #expect(result == report(succeeded: 1))
        #expect(
            output.contains(
                "  verdict   truncated: the response ends inside an unclosed \\boxed{ or <answer>: it was cut off\n"))
        #expect(
            output.hasSuffix(
                "bucket: \"truncated\", parsed: \"q:4\", gold_parsed: \"q:5\", reason: \"the response ends inside an unclosed \\\\boxed{ or <answer>: it was cut off\"}\n"
            ))
    }

    @Test func aGoldThatDoesNotParseIsComparedAsText() async {
        let (_, output, _) = await Self.grade("'\\boxed{5}' '\\frac{1}{'")
        #expect(output.contains("  gold      \"\\\\frac{1}{\" parsed as nothing (compared as text)\n"))
        #expect(
            output.contains(
                "mismatch: the gold does not parse, so the texts were compared (white space collapsed): different"))
    }
}
