import ChorusEngine

/// One problem of a dataset: `data[i]` or `data["id"]`.
public struct ProblemValue: InspectableObject, Equatable {
    /// The problem.
    public let problem: Problem
    /// Its position in the dataset, from 0.
    public let position: Int

    /// Creates a problem value.
    public init(_ problem: Problem, position: Int) {
        self.problem = problem
        self.position = position
    }

    public var typeName: String { "problem" }

    public var summary: String {
        let question = problem.question.split(separator: "\n").first.map(String.init) ?? ""
        let shortened = question.count > 60 ? String(question.prefix(59)) + "…" : question
        return "\(problem.id): \(shortened) [gold: \(problem.goldAnswer)]"
    }

    /// The heading, question and gold every view of this problem starts with; `from` names the set.
    static func opening(_ problem: Problem, position: Int, from source: String) -> [Inspection.Part] {
        [
            .heading("problem \(position) · \(problem.id) · \(source)"), .field("question", problem.question),
            .field("gold", problem.goldAnswer),
        ]
    }

    public var inspection: Inspection {
        var parts = Self.opening(problem, position: position, from: problem.source)
        for key in problem.metadata.keys.sorted() { parts.append(.field(key, problem.metadata[key] ?? "")) }
        if let solution = problem.goldSolution {
            parts.append(.field("solution", ""))
            parts.append(.text(solution, foldable: true))
        }
        return Inspection(parts)
    }

    public var memberNames: [String] { Self.problemFields + ["solution", "source", "index"] }

    /// The fields every view of a problem has, whatever holds it.
    static let problemFields = ["id", "question", "gold"]

    /// The value of one of ``problemFields`` for `problem`; nil for another name.
    static func problemField(_ name: String, of problem: Problem) -> Value? {
        switch name {
        case "id": .string(problem.id)
        case "question": .string(problem.question)
        case "gold": .string(problem.goldAnswer)
        default: nil
        }
    }

    public func member(_ name: String) -> Value? {
        if let field = Self.problemField(name, of: problem) { return field }
        switch name {
        case "solution": return problem.goldSolution.map(Value.string) ?? Value.none
        case "source": return .string(problem.source)
        case "index": return .int(position)
        default: return problem.metadata[name].map(Value.string)
        }
    }

    public func isEqual(to other: any ScriptObject) -> Bool { (other as? ProblemValue) == self }
}
