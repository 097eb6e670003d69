import ChorusEngine
import Foundation
import Testing

@testable import ChorusScript

@Suite("model")
struct ModelCommandTests {
    @Test func aMalformedSpecIsExplained() async {
        let harness = await Harness.running("gen = model \"gpt4\"", expecting: report(failed: 1))
        #expect(harness.output.error.contains("t.chorus:1:13: error:"))
        #expect(harness.output.error.contains("hint: examples: openai:http://127.0.0.1:8000/v1/MODEL"))
    }

    @Test func aMissingReplayFileIsNamed() async {
        let harness = await Harness.running(
            "gen = model \"replay:/nonexistent/samples.jsonl\"", expecting: report(failed: 1))
        #expect(harness.output.error.contains("/nonexistent/samples.jsonl"))
    }

    @Test func aNamedKeyVariableMustBeSet() async {
        let harness = Harness(environment: [:])
        #expect(
            await harness.run("gen = model \"openai:http://127.0.0.1:9/v1/m?key=CHORUS_TEST_KEY\"") == report(failed: 1)
        )
        #expect(harness.output.error.contains("CHORUS_TEST_KEY"))
    }

    @Test func anOpenAIModelShowsItsIdentityAndEndpoints() async {
        let harness = Harness(environment: ["OPENAI_API_KEY": "sk-secret-value"])
        #expect(
            await harness.run("gen = model \"openai:http://127.0.0.1:9/v1/qwen\"\ngen\ngen.identity")
                == report(succeeded: 3))
        #expect(
            harness.output.output.hasPrefix(
                "model openai:qwen@http://127.0.0.1:9/v1\nendpoints: http://127.0.0.1:9/v1\n"))
        #expect(!harness.output.output.contains("sk-secret-value"))
    }

    @Test func anUnknownLocalModelListsTheKnownOnes() async {
        let harness = await Harness.running("gen = model \"local:gpt-9\"", expecting: report(failed: 1))
        #expect(harness.output.error.contains("there is no local model gpt-9; known: qwen2.5-coder-0.5b-instruct"))
    }

    @Test func settingsAreChecked() async {
        let harness = Harness()
        let result = await harness.run(
            "model \"openai:http://127.0.0.1:9/v1/m\" concurrency: 0\nmodel \"openai:http://127.0.0.1:9/v1/m\" timeout: 0"
        )
        #expect(result == report(failed: 2))
        #expect(harness.output.error.contains("`concurrency` must be at least 1"))
        #expect(harness.output.error.contains("`timeout` must be positive"))
    }
}
