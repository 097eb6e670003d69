import ChorusEngine
import ChorusTestSupport
import Foundation

@testable import ChorusScript

/// Small hand-written data files and responses for the data, strategy and metric commands.
enum EngineFixtures {
    /// Three GSM8K-shaped rows; golds 5, 2.5 and 7; ids `tiny-1` … `tiny-3`.
    static let tinyGSM8K = """
        {"question": "Tom has 2 apples and buys 3 more. How many?", "answer": "2 + 3 = 5\\n#### 5"}
        {"question": "What is 10 / 4?", "answer": "10 / 4 = 2.5\\n#### 2.5"}
        {"question": "Half of 14?", "answer": "#### 7"}

        """

    /// Responses for `tiny.jsonl`, as a script statement assigning `s`.
    ///
    /// tiny-1 (gold 5): 5, 4, 5 — pass@1 2/3, majority 5 (right).
    /// tiny-2 (gold 2.5): 2.5, 5/2, nothing — pass@1 2/3, one unparseable, majority 2.5 (right).
    /// tiny-3 (gold 7): 7, 8, 8 — pass@1 1/3, majority 8 (wrong).
    static let responses =
        "s = responses d [['\\boxed{5}', '\\boxed{4}', '\\boxed{5}'], ['#### 2.5', '5/2', 'no idea'], ['7', '8', '8']]"

    /// A harness with `d` (tiny.jsonl loaded) and `s` (the responses above), plus the folder holding the file.
    static func harnessWithSamples() async throws -> (harness: Harness, folder: String) {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        let path = try writeFile(tinyGSM8K, named: "tiny.jsonl", in: folder)
        let harness = Harness()
        let setup = await harness.run("d = load \(quoted(path))\n\(responses)")
        guard setup == report(succeeded: 2) else {
            throw FixtureFailure(message: "setup failed: \(harness.output.error)")
        }
        return (harness, folder)
    }

    /// A sample set value built in Swift, for weights a script cannot write.
    static func sampleSetValue(
        name: String = "scored", _ problems: [(gold: String, samples: [Sample])]
    ) throws
        -> SampleSetValue
    {
        let entries = problems.enumerated().map { index, item in
            SampleSet.Entry(
                problem: Problem(
                    id: "p\(index + 1)", question: "Q\(index + 1)?", goldAnswer: item.gold, source: "hand"),
                samples: item.samples)
        }
        let set = SampleSet(name: name, entries: entries)
        return SampleSetValue(samples: set, graded: try AnswerClassifier().grade(set))
    }

    struct FixtureFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
