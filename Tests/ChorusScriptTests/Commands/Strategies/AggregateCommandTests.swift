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
                sample set aggregate@3 (fixed): 3 problems × 1 samples, pass@1 33.3%, 0 unparseable, 0 truncated
                cost: 3 calls, 120 prompt + 18 completion tokens
                "aggregate@3 (fixed)"

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

    @Test func aKLeftOutIsTheDefaultOrTheFewestSamplesAndTheLabelSaysWhich() async throws {
        let harness = try await Harness.withCombiningModel(answering: "<answer>5</answer>")
        // Three samples per problem, fewer than the default 5: the label says 3, as the prompts show.
        #expect(await harness.run("a = aggregate s with: m\na.name") == report(succeeded: 2))
        #expect(harness.output.output == "\"aggregate@3 (fixed)\"\n")
        #expect(!harness.output.error.contains("warning"))
    }

    @Test func clampRelabelsAndWarns() async throws {
        let harness = try await Harness.withCombiningModel(answering: "<answer>5</answer>")
        #expect(await harness.run("a = aggregate s with: m k: 8 clamp: true\na.name") == report(succeeded: 2))
        #expect(harness.output.output == "\"aggregate@3 (fixed)\"\n")
        #expect(harness.output.error.contains("warning: `k` is 8 but some problem has only 3 samples: using k = 3"))
    }

    @Test func theLabelNamesTheModelShortly() {
        func label(_ identity: String) -> String {
            ModelValue(client: FixedAnswerModel(identity: identity, text: ""), detail: "").label
        }
        #expect(label("local:qwen2.5-1.5b-instruct") == "qwen2.5-1.5b-instruct")
        #expect(label("openai:Qwen/Qwen2.5-7B@http://a:8000/v1,http://b:8000/v1") == "Qwen/Qwen2.5-7B")
        #expect(label("replay:runs/recorded.jsonl") == "recorded")
        #expect(label("plain") == "plain")
    }
}
