import ChorusTestSupport
import Foundation
import Synchronization
import Testing

@testable import ChorusEngine

/// A combining model that records its prompts and answers `<answer>` with how many candidates it saw.
final class CandidateCountingModel: ModelClient {
    let identity = "fake:combiner"
    let prompts = Mutex<[String]>([])

    func complete(_ request: CompletionRequest) async throws -> CompletionResponse {
        guard case .chat(let messages) = request.prompt else { throw CancellationError() }
        let prompt = messages.map(\.content).joined(separator: "\n")
        prompts.withLock { $0.append(prompt) }
        let seen =
            prompt.components(separatedBy: "\nAnswer ").count - 1 + prompt.components(separatedBy: "\nSolution ").count
            - 1
        let samples = (0..<request.parameters.n).map { _ in
            Sample(
                text: "<think>\\boxed{0} is tempting</think><answer>\(seen)</answer> \\boxed{\(seen)}",
                promptTokens: 50, completionTokens: 7)
        }
        return CompletionResponse(samples: samples, cost: Cost(calls: 1, promptTokens: 50, completionTokens: 7))
    }

    var promptCount: Int { prompts.withLock { $0.count } }
}

@Suite struct CombinerTests {
    /// Two problems with five samples each, `\boxed{1}` … `\boxed{5}`.
    static func input() throws -> SampleSet {
        let dataset = try Dataset.builtIn(named: "arithmetic", count: 2, seed: 1)
        let entries = dataset.problems.map { problem in
            SampleSet.Entry(
                problem: problem,
                samples: (1...5).map { Sample(text: "so \\boxed{\($0)}", promptTokens: 10, completionTokens: 3) })
        }
        return SampleSet(
            name: "samples", entries: entries, cost: Cost(calls: 10, promptTokens: 100, completionTokens: 30))
    }

    static func combiner(
        _ model: CandidateCountingModel, store: any SampleStore, template: CombinerTemplate = .ssa,
        selection: CandidateSelection = CandidateSelection(k: 3), budget: CandidateBudget? = nil
    ) -> Combiner {
        Combiner(
            client: model, store: store, template: template, selection: selection, budget: budget,
            parameters: SamplingParameters(n: 1, temperature: 0, maxTokens: 64, seed: 1))
    }

    @Test func aggregatesTheFirstKCandidatesIntoOneStoredAnswerPerProblem() async throws {
        let input = try Self.input()
        let model = CandidateCountingModel()
        let store = InMemorySampleStore()
        let outcome = try await Self.combiner(model, store: store).combine(input, name: "aggregate@3")
        #expect(outcome.drawn == 2)
        #expect(outcome.samples.entries.map(\.samples.count) == [1, 1])
        // The two problems are combined concurrently, so their prompts arrive in either order.
        let question = "Question: \(input.entries[0].problem.question)\n"
        let prompt = try #require(model.prompts.withLock { $0.first { $0.hasPrefix(question) } })
        #expect(
            prompt.hasPrefix(
                "\(question)\nBelow are the proposed answers:\n\nAnswer 1:\nso \\boxed{1}\n\nAnswer 2:"))
        #expect(prompt.contains("Answer 3:\nso \\boxed{3}"))
        #expect(!prompt.contains("Answer 4:"))
        #expect(prompt.contains("<answer></answer>"))
        // Its cost is the inputs' plus its own.
        #expect(outcome.samples.cost == Cost(calls: 12, promptTokens: 200, completionTokens: 44))
        // The answer is read from <answer>, not from the boxes around it.
        let graded = try AnswerClassifier(grader: Grader(extraction: CombinerTemplate.ssa.extraction)).grade(
            outcome.samples)
        #expect(graded.problems[0].graded[0].extracted?.text == "3")

        // A rerun reads the store.
        let again = try await Self.combiner(CandidateCountingModel(), store: store).combine(input, name: "aggregate@3")
        #expect(again.reused == 2)
        #expect(again.drawn == 0)
        #expect(again.samples.entries.map(\.samples) == outcome.samples.entries.map(\.samples))
    }

    @Test func anotherTemplateOrOtherCandidatesAreNotReused() async throws {
        let input = try Self.input()
        let store = InMemorySampleStore()
        _ = try await Self.combiner(CandidateCountingModel(), store: store).combine(input, name: "a")
        let refine = CandidateCountingModel()
        _ = try await Self.combiner(refine, store: store, template: .gsr).combine(input, name: "r")
        #expect(refine.promptCount == 2)
        let fewer = CandidateCountingModel()
        _ = try await Self.combiner(fewer, store: store, selection: CandidateSelection(k: 2)).combine(input, name: "a2")
        #expect(fewer.promptCount == 2)
    }

    @Test func subsetsGiveOneAnswerPerSubset() async throws {
        let model = CandidateCountingModel()
        let outcome = try await Self.combiner(
            model, store: InMemorySampleStore(), selection: CandidateSelection(k: 2, subsets: 3, seed: 7)
        ).combine(try Self.input(), name: "a")
        #expect(outcome.samples.entries.map(\.samples.count) == [3, 3])
        #expect(model.promptCount == 6)
        #expect(model.prompts.withLock { $0.allSatisfy { $0.contains("Answer 2:") && !$0.contains("Answer 3:") } })
    }

    @Test func candidatesOverTheBudgetAreCutOrSkipped() async throws {
        // Each candidate is 14 bytes, about 4 tokens; three are about 12.
        let cut = try await Self.combiner(
            CandidateCountingModel(), store: InMemorySampleStore(),
            budget: CandidateBudget(maxTokens: 6, policy: .truncate)
        ).combine(try Self.input(), name: "a")
        #expect(cut.truncated == 2)
        #expect(cut.samples.entries.map(\.samples.count) == [1, 1])
        let skipping = CandidateCountingModel()
        let skipped = try await Self.combiner(
            skipping, store: InMemorySampleStore(), budget: CandidateBudget(maxTokens: 6, policy: .skip)
        ).combine(try Self.input(), name: "a")
        #expect(skipped.skipped == 2)
        #expect(skipping.promptCount == 0)
        #expect(skipped.samples.entries.map(\.samples.count) == [0, 0])
    }
}
