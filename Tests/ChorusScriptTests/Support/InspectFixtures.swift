import ChorusEngine
import ChorusTestSupport
import Foundation

@testable import ChorusScript

/// A replayed model whose samples carry finish reasons and token counts, for the views that show them.
enum InspectFixtures {
    /// The responses every problem of `builtin arithmetic count: 2 seed: 1` gets, in index order:
    /// a right one for problem 0 (gold 19/30), a wrong one, one cut off at `max_tokens`, and a long
    /// one with no answer.
    static let responses: [(text: String, finish: String, tokens: Int)] = [
        ("so \\boxed{19/30}", "stop", 12),
        ("so \\boxed{1}", "stop", 9),
        ("Let me add \\boxed{19", "length", 64),
        (InspectFixtures.longResponse, "stop", 30),
    ]

    /// Nine lines with no answer in them.
    static let longResponse = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota"].map {
        "thinking about \($0)"
    }.joined(separator: "\n")

    /// The replay file, with every problem answered by `responses`.
    static func replayFile() throws -> String {
        let dataset = try Dataset.builtIn(named: "arithmetic", count: 2, seed: 1)
        var lines: [String] = []
        for problem in dataset.problems {
            let prompt = PromptTemplate.standard.promptDocument(for: problem)
            for (index, response) in responses.enumerated() {
                lines.append(
                    JSONValue.object([
                        "prompt": prompt, "index": .integer(index), "text": .string(response.text),
                        "finish_reason": .string(response.finish), "completion_tokens": .integer(response.tokens),
                    ]).jsonText)
            }
        }
        let path = try TemporaryFolder(removedWhenReleased: false).path("replay.jsonl")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The script that loads the data as `data`, the model as `gen` and samples `s` (n: 4, in one
    /// request per problem, so the replay gives each index its own response).
    static func script(replay path: String) -> String {
        """
        gen = model "replay:\(path)"
        data = builtin arithmetic count: 2 seed: 1
        s = sample gen data n: 4
        """
    }

    /// A harness that has run `script`.
    static func harness(output: (any OutputSink)? = nil) async throws -> Harness {
        let harness = Harness()
        let result = await harness.run(script(replay: try replayFile()))
        guard result == report(succeeded: 3) else {
            throw EngineFixtures.FixtureFailure(message: "setup failed: \(harness.output.error)")
        }
        return harness
    }
}
