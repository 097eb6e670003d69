import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite("benchmark")
struct BenchmarkCommandTests {
    /// A cache folder holding a three-problem gsm8k file.
    private func cacheFolder() throws -> URL {
        let url = try TemporaryFolder(removedWhenReleased: false).url
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent("datasets"), withIntermediateDirectories: true)
        let rows = (1...3).map {
            "{\"id\": \"gsm8k-test-\($0)\", \"question\": \"What is \($0) + \($0)?\", \"answer\": \"#### \($0 * 2)\"}"
        }
        try (rows.joined(separator: "\n") + "\n").write(
            to: url.appendingPathComponent("datasets/gsm8k.jsonl"), atomically: true, encoding: .utf8)
        return url
    }

    @Test func loadsTheInstalledProblemsWithLimitAndShuffle() async throws {
        let cache = try cacheFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let harness = Harness(environment: ["CHORUS_CACHE": cache.path])
        let result = await harness.run(
            "g = benchmark gsm8k limit: 2\ng.ids\ns = benchmark gsm8k shuffle: 4\ns.count\ng.name")
        #expect(result == report(succeeded: 5))
        #expect(harness.output.output == "[\"gsm8k-test-1\", \"gsm8k-test-2\"]\n3\n\"gsm8k\"\n")
        let shuffled = try InstalledBenchmark.gsm8k.load(environment: ["CHORUS_CACHE": cache.path]).shuffled(seed: 4)
        guard case .object(let object)? = await harness.variable("s"), let value = object as? DatasetValue else {
            Issue.record("s is not a dataset")
            return
        }
        #expect(value.dataset.problems.map(\.id) == shuffled.problems.map(\.id))
    }

    @Test func aBenchmarkNotInstalledPointsAtTheSetupScript() async throws {
        let harness = Harness(environment: ["CHORUS_CACHE": "/nonexistent/chorus-cache"])
        #expect(await harness.run("benchmark gsm8k") == report(failed: 1))
        #expect(harness.output.error.contains("benchmark gsm8k is not installed"))
        #expect(harness.output.error.contains("scripts/setup-datasets"))
        #expect(await harness.run("benchmark gsm_symbolic") == report(failed: 1))
        #expect(harness.output.error.contains("install it with scripts/setup-reasoning-gym"))
    }

    @Test func anUnknownNameOrABadLimitIsAnError() async throws {
        let cache = try cacheFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let harness = Harness(environment: ["CHORUS_CACHE": cache.path])
        #expect(await harness.run("benchmark mmlu") == report(failed: 1))
        #expect(harness.output.error.contains("`mmlu` is not one of `gsm8k`, `champ`"))
        #expect(await harness.run("benchmark gsm8k limit: 0") == report(failed: 1))
        #expect(harness.output.error.contains("`limit` must be at least 1, not 0"))
    }
}
