/// What grading made of one sample (or one strategy answer), in the words a view shows.
public enum SampleVerdict: String, Sendable, CaseIterable {
    /// In the answer class that matches the gold answer.
    case right
    /// Parsed, in a class that does not match the gold answer.
    case wrong
    /// No answer could be read from it.
    case unparseable
    /// Cut off before it finished, so left out of every class.
    case truncated
}

extension GradedProblem {
    /// The verdict on sample `index`.
    public func verdict(of index: Int) -> SampleVerdict {
        if let classIndex = graded[index].classIndex { return classes[classIndex].isCorrect ? .right : .wrong }
        return graded[index].isTruncated ? .truncated : .unparseable
    }
}

extension StrategyDecision {
    /// The verdict on the strategy's answer: right, wrong, or unparseable when it gave none.
    public var verdict: SampleVerdict { answer == nil ? .unparseable : isCorrect ? .right : .wrong }
}
