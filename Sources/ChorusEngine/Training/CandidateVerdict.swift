/// What the candidates one prompt shows say about a problem: whether their majority answer is right,
/// and whether any of them is.
public struct CandidateVerdict: Sendable, Equatable {
    /// Whether the shown candidates' majority answer (ties to the earlier) is right; false when none parses.
    public let majorityCorrect: Bool
    /// Whether any shown candidate is right.
    public let anyCorrect: Bool

    /// A verdict as given.
    public init(majorityCorrect: Bool, anyCorrect: Bool) {
        self.majorityCorrect = majorityCorrect
        self.anyCorrect = anyCorrect
    }

    /// The verdict on the samples at `candidates` of `problem`.
    public init(_ candidates: [Int], of problem: GradedProblem) throws {
        let winner = try MajorityVote().winningClass(of: problem, among: candidates)
        majorityCorrect = winner.map { problem.classes[$0].isCorrect } ?? false
        anyCorrect = candidates.contains { problem.isCorrect($0) }
    }
}

extension TrainingData.Report {
    /// Counts one prompt's verdict.
    mutating func count(_ verdict: CandidateVerdict) {
        if verdict.majorityCorrect { majorityRight += 1 } else { majorityWrong += 1 }
        if !verdict.anyCorrect { noneCorrect += 1 }
    }
}

extension CombinerPrompts {
    /// Each prompt with its problem and the verdict on the candidates it shows, checking for
    /// cancellation between prompts; `report` records the prompts the plan cut or skipped.
    func verdicts(
        on candidates: GradedSampleSet, report: inout TrainingData.Report
    ) throws -> [(prompt: Prompt, problem: GradedProblem, verdict: CandidateVerdict)] {
        report.truncated = truncated
        report.overBudget = skipped
        return try prompts.map { prompt in
            try Task.checkCancellation()
            let problem = candidates.problems[prompt.problemIndex]
            return (prompt, problem, try CandidateVerdict(prompt.candidates, of: problem))
        }
    }
}

extension TrainingExample {
    /// A row of a combiner prompt: the prompt's messages and the verdict on the candidates it shows.
    init(
        combining prompt: CombinerPrompts.Prompt, of problem: GradedProblem, verdict: CandidateVerdict, kind: Kind,
        split: TrainingSplit.Part, answerFormat: RewardFunction.AnswerFormat, target: String? = nil
    ) {
        self.init(
            problem: problem.problem, kind: kind, messages: prompt.messages, split: split, answerFormat: answerFormat,
            target: target, candidateCount: prompt.candidates.count, majorityCorrect: verdict.majorityCorrect,
            anyCorrect: verdict.anyCorrect)
    }
}
