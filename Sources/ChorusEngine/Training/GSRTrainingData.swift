/// GSR's hybrid data: direct-solve prompts and refinement prompts (the problem with K candidates, as
/// `refine` shows them) mixed at a given share, with the gold answer for an RL reward and, for
/// supervised fine-tuning, a target solution the grader marked correct (rejection sampling).
public struct GSRTrainingData: Sendable {
    /// The refinement prompt.
    public var template: CombinerTemplate
    /// The direct prompt (the generator's).
    public var solvePrompt: PromptTemplate
    /// Which candidates each refinement row shows; `subsets` rows per problem.
    public var selection: CandidateSelection
    /// How long the candidates may be; `.skip` drops rows over it.
    public var budget: CandidateBudget?
    /// The share of refinement rows among all rows, in [0, 1]; the larger side is cut (seeded) to reach it.
    public var refineShare: Double
    /// Which problems are held out.
    public var split: TrainingSplit

    /// Creates the builder.
    public init(
        template: CombinerTemplate = .gsr, solvePrompt: PromptTemplate = .standard, selection: CandidateSelection,
        budget: CandidateBudget? = nil, refineShare: Double = 0.5, split: TrainingSplit
    ) {
        self.template = template
        self.solvePrompt = solvePrompt
        self.selection = selection
        self.budget = budget
        self.refineShare = min(max(refineShare, 0), 1)
        self.split = split
    }

    /// The rows for a graded sample set. With `targets` (`sft`), each row carries a correct solution
    /// with its answer in `\boxed{}`: a direct row the first such sample of its problem, a refinement
    /// row the first such answer of `refined` (the output of `refine` on these samples) when given,
    /// else of the samples.
    public func build(
        from candidates: GradedSampleSet, samples: SampleSet, targets: Bool, refined: GradedSampleSet? = nil
    ) throws -> TrainingData {
        var report = TrainingData.Report()
        let parts = split.parts(for: candidates.problems.map(\.problem.id))
        let refinedByID = Dictionary(
            (refined?.problems ?? []).map { ($0.problem.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A target must be right and state its answer the way the trained model will be asked to.
        let boxed = RewardFunction(format: .boxed)
        func firstCorrect(_ problem: GradedProblem?) -> String? {
            guard let problem else { return nil }
            let gold = GoldAnswer(problem.problem.goldAnswer)
            return problem.samples.indices.first { index in
                problem.isCorrect(index) && boxed.score(response: problem.samples[index].text, gold: gold).correct
            }.map { problem.samples[$0].text }
        }
        var direct: [TrainingExample] = []
        for problem in candidates.problems {
            try Task.checkCancellation()
            let target = targets ? firstCorrect(problem) : nil
            if targets && target == nil {
                report.withoutTarget += 1
                continue
            }
            direct.append(
                TrainingExample(
                    problem: problem.problem, kind: .solve, messages: solvePrompt.messages(for: problem.problem),
                    split: parts[problem.problem.id] ?? .train, answerFormat: .boxed, target: target))
        }
        let plan = CombinerPrompts(samples, template: template, selection: selection, budget: budget)
        var refine: [TrainingExample] = []
        for (prompt, problem, verdict) in try plan.verdicts(on: candidates, report: &report) {
            var target: String?
            if targets {
                target = refined == nil ? firstCorrect(problem) : firstCorrect(refinedByID[problem.problem.id])
                if target == nil {
                    report.withoutTarget += 1
                    continue
                }
            }
            report.count(verdict)
            refine.append(
                TrainingExample(
                    combining: prompt, of: problem, verdict: verdict, kind: .refine,
                    split: parts[problem.problem.id] ?? .train, answerFormat: .boxed, target: target))
        }
        let (keptDirect, keptRefine) = Self.mixed(
            direct: direct, refine: refine, share: refineShare, seed: selection.seed)
        report.droppedByMix = direct.count + refine.count - keptDirect.count - keptRefine.count
        // Rows of a problem stay together: direct row, then its refinement rows.
        let order = Dictionary(
            candidates.problems.enumerated().map { ($1.problem.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = (keptDirect + keptRefine).enumerated().sorted { lhs, rhs in
            let left = order[lhs.element.problem.id] ?? 0
            let right = order[rhs.element.problem.id] ?? 0
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
        return TrainingData(examples: rows, report: report)
    }

    /// Cuts the larger side (seeded, order kept) so refinement rows are `share` of all rows.
    static func mixed(
        direct: [TrainingExample], refine: [TrainingExample], share: Double, seed: Int
    ) -> (direct: [TrainingExample], refine: [TrainingExample]) {
        let total = Double(direct.count + refine.count)
        guard total > 0 else { return ([], []) }
        var keepDirect = direct.count
        var keepRefine = refine.count
        if share >= 1 {
            keepDirect = 0
        } else if share <= 0 {
            keepRefine = 0
        } else if Double(refine.count) / total > share {
            keepRefine = min(refine.count, Int((Double(direct.count) * share / (1 - share)).rounded()))
        } else {
            keepDirect = min(direct.count, Int((Double(refine.count) * (1 - share) / share).rounded()))
        }
        var random = SplitMix64(seed: UInt64(bitPattern: Int64(seed)), stream: 0x6d69_78)
        func keep(_ rows: [TrainingExample], _ count: Int) -> [TrainingExample] {
            let kept = Set(random.shuffled(Array(rows.indices)).prefix(count))
            return rows.indices.filter { kept.contains($0) }.map { rows[$0] }
        }
        return (keep(direct, keepDirect), keep(refine, keepRefine))
    }
}
