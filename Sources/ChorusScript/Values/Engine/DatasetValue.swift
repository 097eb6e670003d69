import ChorusEngine

/// A dataset as a script value.
public struct DatasetValue: ObjectParameter {
    /// The dataset.
    public let dataset: Dataset

    /// Wraps a dataset.
    public init(_ dataset: Dataset) { self.dataset = dataset }

    /// Its Swift type, named as users read it.
    public static let objectType = ObjectType(DatasetValue.self, named: "dataset")

    public var summary: String { dataset.summary }

    public var rendering: String {
        var lines = [dataset.summary]
        for problem in dataset.problems.prefix(3) {
            let question = problem.question.split(separator: "\n").first.map(String.init) ?? ""
            let shortened = question.count > 70 ? String(question.prefix(69)) + "…" : question
            lines.append("  \(problem.id): \(shortened)  [gold: \(problem.goldAnswer)]")
        }
        if dataset.count > 3 { lines.append("  … \(dataset.count - 3) more") }
        return lines.joined(separator: "\n")
    }

    public var memberNames: [String] { ["count", "name", "ids", "questions", "answers"] }

    public func member(_ name: String) -> Value? {
        switch name {
        case "count": .int(dataset.count)
        case "name": .string(dataset.name)
        case "ids": .list(dataset.problems.map { .string($0.id) })
        case "questions": .list(dataset.problems.map { .string($0.question) })
        case "answers": .list(dataset.problems.map { .string($0.goldAnswer) })
        default: nil
        }
    }

    public func isEqual(to other: any ScriptObject) -> Bool {
        (other as? DatasetValue)?.dataset == dataset
    }
}
