import ChorusEngine

/// A strategy's answers (a vote, an aggregation, …) as a script value.
public struct StrategyResultValue: ObjectParameter {
    /// The result.
    public let result: StrategyResult

    /// Wraps a result.
    public init(_ result: StrategyResult) { self.result = result }

    /// Its Swift type, named as users read it.
    public static let objectType = ObjectType(StrategyResultValue.self, named: "strategy result")

    public var summary: String {
        "\(result.name): " + NumberFormatting.fixed(result.accuracy * 100, digits: 1) + "% correct on "
            + "\(result.decisions.count) problems, \(result.unparseableCount) without an answer, "
            + Plural.count(result.truncatedCandidates, "truncated candidate")
    }

    public var memberNames: [String] { ["accuracy", "name", "answers", "correct", "problems", "truncated"] }

    public func member(_ name: String) -> Value? {
        switch name {
        case "accuracy": .double(result.accuracy)
        case "name": .string(result.name)
        case "answers": .list(result.decisions.map { $0.answer.map(Value.string) ?? .none })
        case "correct": .list(result.decisions.map { .bool($0.isCorrect) })
        case "problems": .int(result.decisions.count)
        case "truncated": .int(result.truncatedCandidates)
        default: nil
        }
    }

    public func isEqual(to other: any ScriptObject) -> Bool {
        guard let other = other as? StrategyResultValue else { return false }
        return other.result.name == result.name && other.result.decisions == result.decisions
    }
}
