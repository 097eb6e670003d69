import ChorusEngine

/// A learned aggregator (from `train aggregator` or `aggregator`) as a script value.
public struct AggregatorValue: ObjectParameter {
    /// The aggregator.
    public let aggregator: LearnedAggregator
    /// The file it was saved to or read from.
    public let path: String

    /// Wraps an aggregator.
    public init(_ aggregator: LearnedAggregator, path: String) {
        self.aggregator = aggregator
        self.path = path
    }

    /// Its Swift type, named as users read it.
    public static let objectType = ObjectType(AggregatorValue.self, named: "learned aggregator")

    public var summary: String {
        "\(aggregator.name): a linear policy over \(aggregator.featureNames.count) answer-class features"
    }

    /// The summary, then each feature's weight (the file is `.path`).
    public var rendering: String {
        let rows = zip(aggregator.featureNames, aggregator.weights).map { [$0, NumberFormatting.fixed($1, digits: 3)] }
        return summary + "\n" + TextTable(header: ["feature", "weight"], rows: rows).rendered
    }

    public var memberNames: [String] { ["name", "path", "weights"] }

    public func member(_ name: String) -> Value? {
        switch name {
        case "name": .string(aggregator.name)
        case "path": .string(path)
        case "weights":
            .record(Record(zip(aggregator.featureNames, aggregator.weights).map { (key: $0, value: .double($1)) }))
        default: nil
        }
    }

    public func isEqual(to other: any ScriptObject) -> Bool {
        (other as? AggregatorValue)?.aggregator == aggregator
    }
}
