import ChorusEngine
import Foundation

/// `sample`: draws n answers per problem from a model, reusing every sample already in the store.
struct SampleCommand: Command {
    let signature = CommandSignature(
        name: "sample", group: .models, summary: "Samples n answers per problem from a model (stored, resumable).",
        parameters: [
            .positional("model", .object("model"), "the model (from `model`)"),
            .positional("data", .object("dataset"), "the problems"),
            .named("n", .int, "samples per problem", default: .int(8)),
            .named("temperature", .number, "sampling temperature", default: .double(0.7)),
            .named("top_p", .number, "nucleus sampling mass", default: Value.none),
            .named("top_k", .int, "top-k cut-off (servers that take it)", default: Value.none),
            .named("max_tokens", .int, "most tokens per answer", default: .int(512)),
            .named("stop", .list(.string), "texts that end an answer", default: .list([])),
            .named("seed", .int, "base seed: sample i uses seed + i, so runs repeat exactly", default: Value.none),
            .named("logprobs", .bool, "ask for token log-probabilities (for weighted votes)", default: .bool(false)),
            .named("system", .string, "the system message", default: Value.none),
            .named("prompt", .string, "the user message; {question} marks where the question goes", default: Value.none),
            .named("name", .string, "the label in tables", default: .string("samples")),
            .named("tolerance", .number, "relative tolerance for inexact numbers when grading", default: .double(1e-6)),
            GradingOptions.truncatedParameter,
        ],
        discussion: """
            Every sample is stored under its model, prompt, parameters, seed and \
            index, and committed as it arrives: a rerun reads the store and calls \
            the model only for what is missing (raising n from 8 to 16 draws 8), \
            and Ctrl-C or a crash loses nothing finished. The default prompt asks \
            for the final answer in \\boxed{}. Returns a sample set: vote, metrics \
            and compare take it.
            """,
        examples: ["s = sample gen data n: 8 temperature: 0.7 seed: 1", "s = sample gen data n: 4 max_tokens: 256 logprobs: true"])

    func run(_ invocation: Invocation) async throws -> Value {
        guard let model = invocation.object("model", as: ModelValue.self) else {
            throw invocation.error("`model` must be a model", at: "model")
        }
        guard let dataset = invocation.object("data", as: DatasetValue.self)?.dataset else {
            throw invocation.error("`data` must be a dataset", at: "data")
        }
        let parameters = try Self.parameters(invocation)
        let template = try Self.template(invocation)
        let grader = try GradingOptions.grader(invocation)
        let store = try await StoredModelRun.store(invocation)
        let sampler = Sampler(client: model.client, store: store, template: template, clock: invocation.session.clock)
        let outcome = try await StoredModelRun.perform("sample", results: "samples", invocation: invocation, at: "model") {
            try await sampler.sample(dataset, parameters: parameters, name: invocation.string("name"), progress: $0)
        }
        let graded = try AnswerClassifier(grader: grader, truncation: GradingOptions.truncation(invocation)).grade(outcome.samples)
        invocation.session.output.writeError(
            StoredModelRun.summary(
                "sample", reused: outcome.reused, drawn: outcome.drawn, spent: outcome.spent, identity: model.client.identity)
                + "\n")
        return .object(SampleSetValue(samples: outcome.samples, graded: graded))
    }

    static func parameters(_ invocation: Invocation) throws -> SamplingParameters {
        let n = invocation.int("n")
        guard n >= 1, n <= 10_000 else { throw invocation.error("`n` must be between 1 and 10000, not \(n)", at: "n") }
        let temperature = invocation.double("temperature")
        guard temperature >= 0, temperature <= 10 else {
            throw invocation.error("`temperature` must be between 0 and 10", at: "temperature")
        }
        let maxTokens = invocation.int("max_tokens")
        guard maxTokens >= 1 else { throw invocation.error("`max_tokens` must be at least 1", at: "max_tokens") }
        var topP: Double?
        if invocation.isGiven("top_p"), !invocation["top_p"].isNone {
            topP = invocation.double("top_p")
            guard let value = topP, value > 0, value <= 1 else {
                throw invocation.error("`top_p` must be in (0, 1]", at: "top_p")
            }
        }
        let stop = invocation.list("stop").map(\.printText)
        return SamplingParameters(
            n: n, temperature: temperature, topP: topP, topK: invocation.optionalInt("top_k"), maxTokens: maxTokens,
            stop: stop, seed: invocation.optionalInt("seed"), logprobs: invocation.bool("logprobs"))
    }

    static func template(_ invocation: Invocation) throws -> PromptTemplate {
        let standard = PromptTemplate.standard
        let system = invocation["system"].isNone ? standard.system : invocation.string("system")
        let user = invocation["prompt"].isNone ? standard.user : invocation.string("prompt")
        do {
            return try PromptTemplate(system: system, user: user)
        } catch {
            throw invocation.error("the prompt has no {question} placeholder", at: "prompt", hint: "write where the question goes: \"{question}\\n\\nAnswer in \\\\boxed{}.\"")
        }
    }

    /// `sampling 40/64 (24 reused) · 312 tok/s · ETA 12 s`.
    static func progressLine(_ progress: SamplingProgress) -> String {
        var line = "sampling \(progress.done)/\(progress.total)"
        if progress.reused > 0 { line += " (\(progress.reused) from the store)" }
        if progress.elapsed > 0, progress.completionTokens > 0 {
            line += " · " + NumberFormatting.fixed(Double(progress.completionTokens) / progress.elapsed, digits: 0) + " tok/s"
        }
        if progress.drawn > 0, progress.done < progress.total {
            let remaining = Double(progress.total - progress.done) * progress.elapsed / Double(progress.drawn)
            line += " · ETA " + NumberFormatting.duration(seconds: remaining)
        }
        return line
    }
}
