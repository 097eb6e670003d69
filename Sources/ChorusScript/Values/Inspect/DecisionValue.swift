import ChorusEngine

/// One problem of a strategy result (a vote, best-of): the answer chosen and the candidates it was
/// chosen from: `v[i]`.
public struct DecisionValue: IndexableObject, InspectableObject, Equatable {
    /// The problem's position in the result, from 0.
    public let position: Int
    /// The strategy's label.
    public let strategy: String
    /// The problem.
    public let problem: Problem
    /// The strategy's answer.
    public let decision: StrategyDecision
    /// The samples it chose among (the first k).
    public let candidates: [SampleValue]

    /// Problem `position` of a result.
    init(position: Int, result: StrategyResult) {
        self.position = position
        strategy = result.name
        let graded = result.candidates.problems[position]
        problem = graded.problem
        decision = result.decisions[position]
        candidates = Array(SampleValue.all(of: graded).prefix(result.k ?? graded.samples.count))
    }

    public var typeName: String { "decision" }

    public var summary: String {
        "problem \(position) (\(problem.id)) under \(strategy): \(decision.answer ?? "no answer") "
            + "(\(decision.verdict.rawValue)) from \(Plural.count(candidates.count, "candidate"))"
    }

    public var inspection: Inspection {
        var parts = ProblemValue.opening(problem, position: position, from: strategy)
        parts.append(
            .verdict("answer: \(decision.answer ?? "none") · \(decision.verdict.rawValue)", decision.verdict, indent: 0)
        )
        parts.append(.field("candidates", "the first \(Plural.count(candidates.count, "sample"))"))
        for candidate in candidates { parts.append(.verdict(candidate.line(), candidate.verdict, indent: 2)) }
        return Inspection(parts)
    }

    public var elementNoun: String { "candidate" }
    public var elementCount: Int { candidates.count }
    public func element(at position: Int) -> Value { .object(candidates[position]) }

    public var memberNames: [String] {
        ProblemValue.problemFields + ["answer", "verdict", "correct", "candidates", "answers", "strategy", "index"]
    }

    public func member(_ name: String) -> Value? {
        if let field = ProblemValue.problemField(name, of: problem) { return field }
        return switch name {
        case "answer": decision.answer.map(Value.string) ?? Value.none
        case "verdict": .string(decision.verdict.rawValue)
        case "correct": .bool(decision.isCorrect)
        case "candidates": .list(candidates.map { .object($0) })
        case "answers": .list(candidates.map { $0.answer.map(Value.string) ?? Value.none })
        case "strategy": .string(strategy)
        case "index": .int(position)
        default: nil
        }
    }

    public func isEqual(to other: any ScriptObject) -> Bool { (other as? DecisionValue) == self }
}
