import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite("sample")
struct SampleCommandTests {
    /// A replay file answering the first `count` built-in problems (seed 1) with `texts` as samples 0, 1, ….
    static func replayFile(count: Int, texts: [String]) throws -> String {
        let dataset = try Dataset.builtIn(named: "arithmetic", count: count, seed: 1)
        var lines: [String] = []
        for problem in dataset.problems {
            let prompt = PromptTemplate.standard.promptDocument(for: problem)
            for (index, text) in texts.enumerated() {
                lines.append(
                    JSONValue.object(["prompt": prompt, "index": .integer(index), "text": .string(text)]).jsonText)
            }
        }
        let path = try TemporaryFolder(removedWhenReleased: false).path("replay.jsonl")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func samplesFromAModelAndReusesTheStore() async throws {
        let path = try Self.replayFile(count: 2, texts: ["so \\boxed{19/30}", "so \\boxed{65}"])
        let harness = Harness()
        let script = """
            gen = model "replay:\(path)"
            data = builtin arithmetic count: 2 seed: 1
            s = sample gen data n: 2 seed: 3
            s
            again = sample gen data n: 2 seed: 3
            """
        #expect(await harness.run(script) == report(succeeded: 5))
        #expect(
            harness.output.output
                == "sample set samples: 2 problems × 2 samples, pass@1 50.0%, 0 unparseable, 0 truncated\n")
        #expect(
            harness.output.error == """
                sample: 0 from the store, 4 drawn from replay:\(path)
                sample: 4 from the store, 0 drawn from replay:\(path)

                """)
        let stored = await harness.store.count()
        #expect(stored == 4)
    }

    @Test(arguments: ["1+", "3!", "50\\%"])
    func aSampleOfNinetyThousandOperatorsIsStoredGradedAndReadBack(piece: String) async throws {
        // Such a sample once crashed the grader, and every rerun crashed again reading it from the store.
        let chain = String(repeating: piece, count: 90_000) + "1"
        let path = try Self.replayFile(count: 1, texts: ["\\boxed{\(chain)}", "so \\boxed{\(chain)}"])
        let harness = Harness()
        let script = """
            gen = model "replay:\(path)"
            data = builtin arithmetic count: 1 seed: 1
            s = sample gen data n: 2 seed: 3
            again = sample gen data n: 2 seed: 3
            again.unparseable
            """
        let result = await harness.run(script)
        #expect(result == report(succeeded: 5))
        #expect(harness.output.output == "2\n")
        #expect(harness.output.error.contains("sample: 2 from the store, 0 drawn from replay:\(path)"))
    }

    @Test func aModelThatCannotAnswerFailsWithTheReason() async throws {
        let path = try Self.replayFile(count: 1, texts: ["\\boxed{1}"])
        let harness = Harness()
        let result = await harness.run(
            "gen = model \"replay:\(path)\"\ndata = builtin arithmetic count: 1 seed: 1\ns = sample gen data n: 2")
        #expect(result == report(succeeded: 2, failed: 1))
        #expect(harness.output.error.contains("error: sample failed:"))
        #expect(harness.output.error.contains("hint: finished samples are kept; rerun to resume"))
    }

    @Test func parametersAreChecked() async throws {
        let path = try Self.replayFile(count: 1, texts: ["\\boxed{1}"])
        let harness = await Harness.running(
            "gen = model \"replay:\(path)\"\ndata = builtin arithmetic count: 1 seed: 1")
        let lines = [
            ("sample gen data n: 0", "`n` must be between 1 and 10000, not 0"),
            ("sample gen data temperature: -1", "`temperature` must be between 0 and 10"),
            ("sample gen data max_tokens: 0", "`max_tokens` must be at least 1"),
            ("sample gen data top_p: 1.5", "`top_p` must be above 0 and at most 1, not 1.5"),
            ("sample gen data prompt: \"no placeholder\"", "the prompt has no {question} placeholder"),
            ("sample data gen", "`model` takes a model, not a dataset"),
        ]
        for (line, message) in lines {
            let before = harness.output.error.count
            let result = await harness.run(line)
            #expect(result == report(failed: 1), "\(line)")
            #expect(String(harness.output.error.dropFirst(before)).contains(message), "\(line)")
        }
    }

    @Test func aCustomPromptChangesTheKey() async throws {
        let harness = Harness()
        let path = try Self.replayFile(count: 1, texts: ["\\boxed{1}"])
        let result = await harness.run(
            "gen = model \"replay:\(path)\"\ndata = builtin arithmetic count: 1 seed: 1\nsample gen data n: 1 prompt: \"Q: {question}\""
        )
        // The replay file records only the standard prompt, so another prompt finds nothing.
        #expect(result == report(succeeded: 2, failed: 1))
        #expect(harness.output.error.contains("sample failed"))
    }
}
