import ChorusEngine
import Foundation

/// `sample`: draws n answers per problem from a model, reusing every sample already in the store.
struct SampleCommand: Command {
    static let model = ParameterKey<ModelValue>.positional("model", "the model (from `model`)")
    static let data = ParameterKey<DatasetValue>.positional("data", "the problems")
    static let n = ParameterKey<Int>.named("n", "samples per problem", default: 8, in: .between(1, 10_000))
    static let sampling = SamplingOptions(temperature: 0.7, maxTokens: 512)
    static let topP = ParameterKey<Double?>.named("top_p", "nucleus sampling mass", in: .above(0, atMost: 1))
    static let topK = ParameterKey<Int?>.named("top_k", "top-k cut-off (servers that take it)")
    static let stop = ParameterKey<[String]>.named("stop", "texts that end an answer", default: [])
    static let seed = ParameterKey<Int?>.named("seed", "base seed: sample i uses seed + i, so runs repeat exactly")
    static let logprobs = ParameterKey<Bool>.named(
        "logprobs", "ask for token log-probabilities (for weighted votes)", default: false)
    static let system = ParameterKey<String?>.named("system", "the system message")
    static let prompt = ParameterKey<String?>.named(
        "prompt", "the user message; {question} marks where the question goes")
    static let name = ParameterKey<String>.named("name", "the label in tables", default: "samples")

    let signature = CommandSignature(
        name: "sample", group: .models, summary: "Samples n answers per problem from a model (stored, resumable).",
        parameters: [
            Self.model, Self.data, Self.n, Self.sampling.temperature, Self.topP, Self.topK, Self.sampling.maxTokens,
            Self.stop, Self.seed, Self.logprobs, Self.system, Self.prompt, Self.name, GradingOptions.group,
        ],
        discussion: """
            Every sample is stored under its model, prompt, parameters, seed and \
            index, and committed as it arrives: a rerun reads the store and calls \
            the model only for what is missing (raising n from 8 to 16 draws 8), \
            and Ctrl-C or a crash loses nothing finished. The default prompt asks \
            for the final answer in \\boxed{}. Returns a sample set: vote, metrics \
            and compare take it.
            """,
        examples: [
            "s = sample gen data n: 8 temperature: 0.7 seed: 1",
            "s = sample gen data n: 4 max_tokens: 256 logprobs: true",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        let model = invocation[Self.model]
        let dataset = invocation[Self.data].dataset
        let parameters = Self.parameters(invocation)
        let template = try invocation.mapping(at: Self.prompt) {
            try PromptTemplate(
                system: invocation[Self.system] ?? PromptTemplate.standard.system,
                user: invocation[Self.prompt] ?? PromptTemplate.standard.user)
        }
        let store = try await StoredModelRun.store(invocation)
        let sampler = Sampler(client: model.client, store: store, template: template, clock: invocation.session.clock)
        let outcome = try await StoredModelRun.perform(
            "sample", results: "samples", invocation: invocation, at: Self.model
        ) {
            try await sampler.sample(dataset, parameters: parameters, name: invocation[Self.name], progress: $0)
        }
        let graded = try GradingOptions.classifier(invocation).grade(outcome.samples)
        invocation.session.output.writeError(
            StoredModelRun.summary(
                "sample", reused: outcome.reused, drawn: outcome.drawn, spent: outcome.spent,
                identity: model.client.identity)
                + "\n")
        return .object(SampleSetValue(samples: outcome.samples, graded: graded))
    }

    static func parameters(_ invocation: Invocation) -> SamplingParameters {
        SamplingParameters(
            n: invocation[n], temperature: invocation[sampling.temperature], topP: invocation[topP],
            topK: invocation[topK],
            maxTokens: invocation[sampling.maxTokens], stop: invocation[stop], seed: invocation[seed],
            logprobs: invocation[logprobs])
    }
}
