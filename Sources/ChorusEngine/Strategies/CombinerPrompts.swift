/// The prompts a combiner shows for a sample set: for each problem, one prompt per candidate subset,
/// with the candidates' sample indices, after the budget. `aggregate`, `refine` and the training
/// data built for SSA and GSR all go through this one plan, so they show a model the same text.
public struct CombinerPrompts: Sendable {
    /// One prompt of one problem.
    public struct Prompt: Sendable, Equatable {
        /// The problem's position in the input.
        public let problemIndex: Int
        /// Which subset of the problem this is (0 for the first).
        public let subset: Int
        /// The indices of the samples shown, in the order shown.
        public let candidates: [Int]
        /// The chat messages.
        public let messages: [ChatMessage]
        /// Whether the candidates were cut to fit the budget.
        public let truncated: Bool
    }

    /// Every prompt, problems in input order and each problem's subsets in order.
    public let prompts: [Prompt]
    /// Prompts whose candidates were cut to fit the budget.
    public var truncated: Int { prompts.count { $0.truncated } }
    /// Prompts left out because their candidates were over the budget.
    public let skipped: Int

    /// Plans the prompts for `input`.
    public init(
        _ input: SampleSet, template: CombinerTemplate, selection: CandidateSelection, budget: CandidateBudget?
    ) {
        var prompts: [Prompt] = []
        var skipped = 0
        for (problemIndex, entry) in input.entries.enumerated() {
            for (subset, indices) in selection.choose(from: entry.samples, problemID: entry.problem.id).enumerated() {
                var texts = indices.map { entry.samples[$0].text }
                var truncated = false
                if let budget {
                    guard let fitted = budget.fit(texts) else {
                        skipped += 1
                        continue
                    }
                    truncated = fitted.truncated
                    texts = fitted.texts
                }
                prompts.append(
                    Prompt(
                        problemIndex: problemIndex, subset: subset, candidates: indices,
                        messages: template.prompt(question: entry.problem.question, candidates: texts),
                        truncated: truncated))
            }
        }
        self.prompts = prompts
        self.skipped = skipped
    }
}
