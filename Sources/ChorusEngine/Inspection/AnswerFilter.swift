/// Which problems `answers … where:` keeps, each a question a researcher asks of the answers.
public enum AnswerFilter: String, Sendable, CaseIterable {
    /// Every problem.
    case all
    /// The pick is right.
    case right
    /// The pick is wrong, or there is none.
    case wrong
    /// Some candidate was cut off before it finished.
    case truncated
    /// Some candidate has no readable answer.
    case unparseable
    /// No candidate is right: no combiner that only picks could get it.
    case allWrong = "all_wrong"
    /// The pick is wrong though some candidate is right: where a better combiner could win.
    case voteWrongOracleRight = "vote_wrong_oracle_right"
    /// The two largest classes have the same votes, so the vote broke a tie.
    case tied

    /// Whether the filter keeps a problem.
    public func admits(_ answers: ProblemAnswers) -> Bool {
        switch self {
        case .all: true
        case .right: answers.pickIsCorrect
        case .wrong: !answers.pickIsCorrect
        case .truncated: answers.truncated > 0
        case .unparseable: answers.unparseable > 0
        case .allWrong: !answers.anyCorrect
        case .voteWrongOracleRight: !answers.pickIsCorrect && answers.anyCorrect
        case .tied: answers.isTied
        }
    }
}
