import ChorusEngine

// The engine's errors are the user's to fix: each says what went wrong as its description, and
// those that need more say what to do next. The engine does not know how a script words things,
// so the wording that needs the script's vocabulary (`weight: count`) lives here.

extension DatasetLoadError: UserError {}
extension DatasetError: UserError {}
extension InstalledBenchmarkError: UserError {}
extension SampleLineError: UserError {}
extension SampleStoreError: UserError {}
extension ReplayModelError: UserError {}
extension ModelClientError: UserError {}
extension ModelSpecError: UserError {
    public var hint: String? { "examples: openai:http://127.0.0.1:8000/v1/MODEL, replay:samples.jsonl" }
}
extension LocalEngine.Failure: UserError {}
extension ChildProcess.LaunchFailure: UserError {}
extension JSONParseError: UserError {}
extension SamplingError: UserError {}
extension TrainingExportError: UserError {}
extension LearnedAggregator.FileError: UserError {}
extension ScalingCurves.Failure: UserError {}
extension CombinerTemplate.Failure: UserError {}
extension OfflineError: UserError {}

extension BestOf.Failure: UserError {
    public var hint: String? { "rate the samples first: score s with: judge" }
}

extension PromptTemplate.Failure: UserError {
    public var message: String { "the prompt has no {question} placeholder" }
    public var hint: String? { "write where the question goes: \"{question}\\n\\nAnswer in \\\\boxed{}.\"" }
}

extension MajorityVote.Failure: UserError {
    public var message: String {
        switch self {
        case .missingWeight(let problemID, let sampleIndex, let weighting):
            weighting == .score
                ? "no sample has a score" : "sample \(sampleIndex) of problem \(problemID) has no log-probability"
        }
    }

    public var hint: String? {
        switch self {
        case .missingWeight(_, _, let weighting):
            weighting == .score
                ? "score the samples first, or vote with weight: count"
                : "sample with log-probabilities, or vote with weight: count"
        }
    }
}

extension Comparison.Failure: UserError {
    public var message: String {
        switch self {
        case .differentProblems(let first, let other): "\(other) does not cover the same problems as \(first)"
        case .kTooLarge(let k, let available, let set):
            "k = \(k) is more than the \(available) samples per problem of \(set)"
        case .kBelowOne(let k): "k must be at least 1, not \(k)"
        case .empty: "there are no problems to compare"
        }
    }

    public var hint: String? {
        switch self {
        case .differentProblems: "compare results made from the same dataset, in the same order"
        case .kTooLarge(_, let available, _): "use k: \(available) or less"
        case .kBelowOne, .empty: nil
        }
    }
}

extension StrategyDiff.Failure: UserError {
    public var message: String {
        switch self {
        case .differentProblems(let first, let second): "\(second) does not cover the same problems as \(first)"
        }
    }

    public var hint: String? { "diff results made from the same dataset, in the same order" }
}
