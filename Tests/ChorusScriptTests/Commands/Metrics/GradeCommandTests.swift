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
        #expect(output == "{extracted: \"\\\\frac{1}{2}\", method: \"boxed\", bucket: \"match\"}\n")
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
                output == "{extracted: \"\(item.extracted)\", method: \"\(item.method)\", bucket: \"mismatch\"}\n",
                "\(item.response)")
        }
    }

    @Test func hashesWithThousandsSeparatorsMatch() async {
        let (_, output, _) = await Self.grade("\"#### 1,000\" \"1000\"")
        #expect(output == "{extracted: \"1,000\", method: \"hashes\", bucket: \"match\"}\n")
    }

    @Test func noAnswerIsUnparseable() async {
        let (result, output, _) = await Self.grade("\"I do not know\" \"5\"")
        #expect(result == report(succeeded: 1))
        #expect(output == "{extracted: none, method: none, bucket: \"unparseable\"}\n")
    }

    @Test func anAnswerThatDoesNotParseIsUnparseable() async {
        let (_, output, _) = await Self.grade("'\\boxed{#}' \"5\"")
        #expect(output == "{extracted: \"#\", method: \"boxed\", bucket: \"unparseable\"}\n")
    }

    @Test func fieldsAreReadable() async {
        let harness = Harness()
        let result = await harness.run("g = grade \"#### 6\" \"5\"\ng.bucket\ng.extracted")
        #expect(result == report(succeeded: 3))
        #expect(harness.output.output == "\"mismatch\"\n\"6\"\n")
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
}
