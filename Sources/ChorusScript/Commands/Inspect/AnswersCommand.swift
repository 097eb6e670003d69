import ChorusEngine

/// `answers`: one row per problem with its answers, the pick and the verdicts, filtered by `where:`.
struct AnswersCommand: Command {
    static let of = ParameterKey<EitherObject<SampleSetValue, StrategyResultValue>>.positional(
        "of", "a sample set (its vote is the pick) or a strategy result (its chosen answers)")
    static let filter = ParameterKey<AnswerFilter>.named(
        "where", "which problems: all, right, wrong, truncated, unparseable, all_wrong, vote_wrong_oracle_right, tied",
        default: .all)
    static let count = CandidateCount(
        "look at the first k samples of each problem, as `vote k:` does (all when left out)")

    let signature = CommandSignature(
        name: "answers", group: .metrics, summary: "One row per problem: gold, answer classes, the pick and verdicts.",
        parameters: [Self.of, Self.filter, Self.count, GradingOptions.group],
        discussion: """
            For a sample set, each problem's first k samples are sorted into \
            classes of equivalent answers (`42×3, 41×1`: three samples said 42), \
            and the pick is their majority vote, as `vote` takes it. For a \
            strategy result, the pick is the answer it chose and the classes are \
            its candidates'. `right` says whether the pick is right, `any right` \
            whether some candidate is (oracle); truncated and unparseable count \
            candidates cut off or with no readable answer. `where:` keeps the \
            problems the pick got wrong, right, those with a truncated or an \
            unparseable candidate, those no candidate got right (all_wrong), \
            those a better combiner could win (vote_wrong_oracle_right), or those \
            where the vote broke a tie (tied). `tolerance:` and `truncated:` \
            grade a sample set again. Returns a table: `t.count` problems, \
            `t[0]` the first row, `t.rows` all of them, numbers as numbers.
            """,
        examples: [
            "data = builtin \"arithmetic\" count: 2 seed: 1\ns = responses data [['\\boxed{1}', '\\boxed{2}', '\\boxed{2}'], [\"5\", \"5\", \"6\"]]\nanswers s",
            "answers s where: wrong",
            "answers (vote s k: 2) where: vote_wrong_oracle_right",
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        let problems: [ProblemAnswers]
        let pickTitle: String
        switch invocation[Self.of] {
        case .first(let set):
            let k = try Self.count.value(invocation, for: set, command: "answers")
            let regrades = invocation.isGiven(GradingOptions.tolerance) || invocation.isGiven(GradingOptions.truncated)
            let graded = regrades ? try GradingOptions.classifier(invocation).grade(set.samples) : set.graded
            let vote = MajorityVote(k: k)
            problems = try graded.problems.map { try ProblemAnswers($0, decision: vote.decide($0), firstK: k) }
            pickTitle = "vote"
        case .second(let strategy):
            let setOnly: [any ParameterNaming] = [Self.count.k, GradingOptions.tolerance, GradingOptions.truncated]
            if let option = setOnly.first(where: { invocation.isGiven($0) }) {
                throw invocation.error(
                    "`\(option.name):` applies to a sample set; a strategy result keeps the candidates and grading "
                        + "it was made with", at: option,
                    hint: "look at the samples instead: answers s \(option.name): …")
            }
            let result = strategy.result
            let candidates = Dictionary(
                result.candidates.problems.map { ($0.problem.id, $0) }, uniquingKeysWith: { first, _ in first })
            problems = result.decisions.compactMap { decision in
                candidates[decision.problemID].map { ProblemAnswers($0, decision: decision, firstK: result.k) }
            }
            pickTitle = result.name
        }
        return .object(TableValue(AnswerTable.make(problems, filter: invocation[Self.filter], pickTitle: pickTitle)))
    }
}

extension AnswerFilter: ParameterChoice {}
