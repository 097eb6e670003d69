import ChorusEngine
import Foundation
import Testing

@Suite("Stored sample as a JSON line")
struct StoredSampleJSONLineTests {
    @Test func lineRoundTrips() throws {
        for index in 0..<4 {
            let sample = SampleFixtures.sample(index: index, seed: index == 3 ? nil : 42)
            #expect(try StoredSample(jsonLine: sample.jsonLine) == sample)
            #expect(!sample.jsonLine.contains("\n"))
        }
    }

    @Test func lineIsJSONValue() throws {
        let line = SampleFixtures.sample(index: 0).jsonLine
        #expect(try JSONValue(parsing: line).canonical.jsonText == line)
        #expect(line.hasPrefix(#"{"created_at_ms":1750000000123,"finish_reason":"stop","index":0,"key":""#))
        #expect(line.contains(#""usage":{"completion_tokens":120,"prompt_tokens":31},"v":1}"#))
        #expect(line.contains(#""prompt":[{"content":"Solve it.","role":"system"}"#))
    }

    /// The whole exported line, worked out from the documented format: exports replay byte for byte.
    @Test func lineIsPinned() {
        #expect(
            SampleFixtures.sample(index: 0).jsonLine == #"""
                {"created_at_ms":1750000000123,"finish_reason":"stop","index":0,"key":"ac939db082f99cdf9e7e59366077059d723404a4d59e61014a31cfe707482097","latency":1.25,"mean_logprob":-0.03333333333333333,"model":"openai:http://localhost:8000/v1/Qwen2.5-7B-Instruct","parameters":{"max_tokens":512,"temperature":0.7,"top_p":1},"problem_id":"gsm8k-1","prompt":[{"content":"Solve it.","role":"system"},{"content":"What is 1 + 1?","role":"user"}],"score":0.875,"seed":42,"text":"Line one\nthe answer is \\boxed{2} — ok \"quoted\" 🎲","usage":{"completion_tokens":120,"prompt_tokens":31},"v":1}
                """#)
    }

    @Test func editedContentIsRejected() throws {
        let line = SampleFixtures.sample(index: 2).jsonLine
        for edited in [
            line.replacingOccurrences(of: #""index":2"#, with: #""index":5"#),
            line.replacingOccurrences(of: #""seed":42"#, with: #""seed":43"#),
            line.replacingOccurrences(of: "What is 1 + 1?", with: "What is 1 + 2?"),
        ] {
            #expect(edited != line)
            let error = #expect(throws: SampleLineError.self) { try StoredSample(jsonLine: edited) }
            #expect(error?.reason.contains("key does not match") == true)
        }
    }

    @Test func badRowsNameTheProblem() {
        func reason(_ line: String) -> String? {
            do {
                _ = try StoredSample(jsonLine: line)
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(reason("[1]") == "not a JSON object")
        #expect(reason("{").map { $0.hasPrefix("not valid JSON") } == true)
        #expect(reason(#"{"model":"m"}"#) == #"field "key" is missing"#)
        #expect(reason(#"{"key":"abc"}"#) == #"field "key" is not 64 lowercase hex digits"#)
        #expect(
            reason(#"{"key":"\#(String(repeating: "a", count: 64))","index":"2"}"#)
                == #"field "index" is not an integer"#)
        #expect(reason(#"{"v":9}"#)?.contains("newer") == true)
    }
}
