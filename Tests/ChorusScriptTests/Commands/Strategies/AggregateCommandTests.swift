import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

/// A model that answers every combining prompt the same way, for the strategy commands.
struct FixedAnswerModel: ModelClient {
    let identity: String
    let text: String

    func complete(_ request: CompletionRequest) async throws -> CompletionResponse {
        let samples = (0..<request.parameters.n).map { _ in Sample(text: text, promptTokens: 40, completionTokens: 6) }
        return CompletionResponse(
            samples: samples, cost: Cost(calls: 1, promptTokens: 40, completionTokens: 6 * request.parameters.n))
    }
}

extension Harness {
    /// A harness with `d` and `s` (EngineFixtures' tiny set) and a model `m` answering `text`.
    static func withCombiningModel(answering text: String) async throws -> Harness {
        let (harness, _) = try await EngineFixtures.harnessWithSamples()
        await harness.session.assign(
            "m", .object(ModelValue(client: FixedAnswerModel(identity: "fake:fixed", text: text), detail: "fixed")))
        return harness
    }
}

@Suite("aggregate")
struct AggregateCommandTests {
    @Test func aggregatesIntoASampleSetGradedFromTheAnswerTag() async throws {
        // tiny-1 gold 5, tiny-2 gold 2.5, tiny-3 gold 7: the aggregator always says 5.
        let harness = try await Harness.withCombiningModel(
            answering: "<think>\\boxed{4} or \\boxed{5}?</think><answer>5</answer>")
        #expect(
            await harness.run("a = aggregate s with: m k: 3\na\na.name\nagain = aggregate s with: m k: 3")
                == report(succeeded: 4))
        #expect(
            harness.output.output == """
                sample set aggregate@3: 3 problems × 1 samples, pass@1 33.3%, 0 unparseable, 0 truncated
                cost: 3 calls, 120 prompt + 18 completion tokens
                "aggregate@3"

                """)
        #expect(
            harness.output.error == """
                aggregate: 0 from the store, 3 drawn from fake:fixed (3 calls, 18 completion tokens, 0 ms)
                aggregate: 3 from the store, 0 drawn from fake:fixed

                """)
    }

    @Test func aNamedResultComparesWithTheVote() async throws {
        let harness = try await Harness.withCombiningModel(answering: "<answer>7</answer>")
        #expect(
            await harness.run("usc = aggregate s with: m k: 2 name: \"usc@2\"\ncompare s usc") == report(succeeded: 2))
        #expect(harness.output.output.contains("usc@2 pass@1"))
    }

    @Test func badSettingsAreErrorsAtTheirArgument() async throws {
        let harness = try await Harness.withCombiningModel(answering: "<answer>1</answer>")
        #expect(await harness.run("aggregate s with: m k: 0") == report(failed: 1))
        #expect(harness.output.error.contains("`k` must be between 1 and 64, not 0"))
        #expect(await harness.run("aggregate s with: s") == report(failed: 1))
        #expect(harness.output.error.contains("`with` takes a model or learned aggregator, not a sample set"))
        #expect(await harness.run("aggregate s with: m template: \"/nonexistent/t.txt\"") == report(failed: 1))
        #expect(harness.output.error.contains("no built-in template and no readable file named /nonexistent/t.txt"))
    }

    @Test func aTemplateFileReplacesTheText() async throws {
        let harness = try await Harness.withCombiningModel(answering: "<answer>5</answer>")
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        let good = try writeFile(
            "Q: {question}\n{candidates}\nOne answer in <answer></answer>.", named: "mine.txt", in: folder)
        let bad = try writeFile("no placeholders", named: "bad.txt", in: folder)
        #expect(await harness.run("aggregate s with: m template: \(quoted(good))") == report(succeeded: 1))
        #expect(await harness.run("aggregate s with: m template: \(quoted(bad))") == report(failed: 1))
        #expect(harness.output.error.contains("the template has no {question} placeholder"))
    }
}
