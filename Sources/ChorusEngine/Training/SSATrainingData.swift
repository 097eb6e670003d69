/// SSA's RL data: each row the aggregation prompt `aggregate` would show (same template, same
/// K-subsets, same order and budget) and the problem's gold answer for the reward.
public struct SSATrainingData: Sendable {
    /// The aggregation prompt.
    public var template: CombinerTemplate
    /// Which candidates each row shows; `subsets` rows per problem.
    public var selection: CandidateSelection
    /// How long the candidates may be; `.skip` drops rows over it.
    public var budget: CandidateBudget?
    /// Keep as many majority-right as majority-wrong training rows (a seeded draw from the larger group).
    public var balance: Bool
    /// Which problems are held out.
    public var split: TrainingSplit

    /// Creates the builder.
    public init(
        template: CombinerTemplate = .ssa, selection: CandidateSelection, budget: CandidateBudget? = nil,
        balance: Bool = false, split: TrainingSplit
    ) {
        self.template = template
        self.selection = selection
        self.budget = budget
        self.balance = balance
        self.split = split
    }

    /// The rows for a graded sample set.
    public func build(from candidates: GradedSampleSet, samples: SampleSet) throws -> TrainingData {
        let plan = CombinerPrompts(samples, template: template, selection: selection, budget: budget)
        var report = TrainingData.Report()
        let parts = split.parts(for: candidates.problems.map(\.problem.id))
        var rows: [TrainingExample] = []
        for (prompt, problem, verdict) in try plan.verdicts(on: candidates, report: &report) {
            report.count(verdict)
            rows.append(
                TrainingExample(
                    combining: prompt, of: problem, verdict: verdict, kind: .aggregate,
                    split: parts[problem.problem.id] ?? .train, answerFormat: .answerTag))
        }
        if balance {
            let before = rows.count
            rows = Self.balanced(rows, seed: selection.seed)
            report.droppedByBalance = before - rows.count
        }
        return TrainingData(examples: rows, report: report)
    }

    /// Training rows with as many majority-right as majority-wrong rows; test rows are kept as they are.
    static func balanced(_ rows: [TrainingExample], seed: Int) -> [TrainingExample] {
        let train = rows.indices.filter { rows[$0].split == .train }
        let right = train.filter { rows[$0].majorityCorrect == true }
        let wrong = train.filter { rows[$0].majorityCorrect != true }
        let (larger, smaller) = right.count >= wrong.count ? (right, wrong) : (wrong, right)
        var random = SplitMix64(seed: UInt64(bitPattern: Int64(seed)), stream: 0x6261_6c61_6e63_65)
        let dropped = Set(random.shuffled(larger).dropFirst(smaller.count))
        return rows.indices.filter { !dropped.contains($0) }.map { rows[$0] }
    }
}
