import ChorusEngine
import Foundation

/// A tutorial's recorded model samples (`tutorials/fixtures/NAME.samples.jsonl`, written by
/// `scripts/record-tutorial`), put into a fresh sample store so the tutorial replays with no model.
///
/// Each line is a store export line. Samples of benchmark problems come without `prompt` and `key`:
/// their prompts hold benchmark problems, which are installed, never committed, so the prompt is
/// rebuilt from the installed problem and the standard template, and the key from the prompt,
/// exactly as `sample` computes them. Lines of Chorus's own built-in problems keep both.
enum RecordedSamples {
    /// The fixture of `tutorial`, when it has one.
    static func fixture(of tutorial: URL) -> URL? {
        let name = tutorial.deletingPathExtension().lastPathComponent
        let url = tutorial.deletingLastPathComponent().appendingPathComponent("fixtures/\(name).samples.jsonl")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Whether every installed benchmark is there to rebuild prompts from.
    static var benchmarksInstalled: Bool {
        tutorialBenchmarks.allSatisfy { FileManager.default.fileExists(atPath: $0.path()) }
    }

    /// The benchmarks tutorials read: those scripts/setup-datasets installs. gsm_symbolic
    /// (scripts/setup-reasoning-gym) is training data no tutorial reads, so the tests do not wait for it.
    static let tutorialBenchmarks: [InstalledBenchmark] = [.gsm8k, .champ]

    /// Whether the fixture has lines whose prompts must be rebuilt from installed benchmarks.
    static func needsBenchmarks(_ fixture: URL) -> Bool {
        let text = (try? String(contentsOf: fixture, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").contains { !$0.contains("\"prompt\":") }
    }

    /// Saves the fixture's samples into the SQLite store at `storePath`.
    static func fill(storePath: String, from fixture: URL) async throws {
        var problems: [String: Problem] = [:]
        if needsBenchmarks(fixture) {
            for benchmark in tutorialBenchmarks {
                for problem in try benchmark.load().problems { problems[problem.id] = problem }
            }
        }
        var samples: [StoredSample] = []
        let text = try String(contentsOf: fixture, encoding: .utf8)
        for (number, line) in text.split(separator: "\n").enumerated() {
            if line.contains("\"prompt\":") {
                samples.append(try StoredSample(jsonLine: String(line)))
                continue
            }
            guard var row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let problemID = row["problem_id"] as? String
            else { throw FixtureError("\(fixture.lastPathComponent):\(number + 1): not a sample line") }
            guard let problem = problems[problemID] else {
                throw FixtureError("\(fixture.lastPathComponent):\(number + 1): no installed problem \(problemID)")
            }
            let prompt = PromptTemplate.standard.promptDocument(for: problem)
            row["prompt"] = try JSONSerialization.jsonObject(with: Data(prompt.jsonText.utf8))
            let parameters = try JSONValue(
                parsing: String(
                    decoding: try JSONSerialization.data(withJSONObject: row["parameters"] ?? [:]), as: UTF8.self))
            row["key"] =
                SampleKey(
                    modelIdentity: row["model"] as? String ?? "", prompt: prompt, parameters: parameters,
                    seed: row["seed"] as? Int, sampleIndex: row["index"] as? Int ?? -1
                ).hex
            let full = String(decoding: try JSONSerialization.data(withJSONObject: row), as: UTF8.self)
            samples.append(try StoredSample(jsonLine: full))
        }
        let store = try SQLiteSampleStore(path: storePath)
        try await store.save(contentsOf: samples)
        await store.close()
    }

    /// A fixture that does not fit the installed problems.
    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
