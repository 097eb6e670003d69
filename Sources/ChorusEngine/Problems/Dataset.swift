/// A named, ordered collection of problems with unique ids.
public struct Dataset: Sendable, Equatable {
    /// The name shown in summaries and used in default ids, such as `gsm8k-test`.
    public let name: String
    /// The problems, in the dataset's own order.
    public let problems: [Problem]
    private let positionByID: [String: Int]

    /// Creates a dataset; two problems with the same id are an error.
    public init(name: String, problems: [Problem]) throws(DatasetError) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(problems.count)
        for (index, problem) in problems.enumerated() {
            if let first = positions[problem.id] {
                throw .duplicateID(problem.id, dataset: name, firstIndex: first, secondIndex: index)
            }
            positions[problem.id] = index
        }
        self.name = name
        self.problems = problems
        self.positionByID = positions
    }

    /// Builds a dataset from problems already known to have unique ids (a subset of a dataset).
    init(name: String, uniqueProblems problems: [Problem]) {
        self.name = name
        self.problems = problems
        var positions: [String: Int] = [:]
        positions.reserveCapacity(problems.count)
        for (index, problem) in problems.enumerated() {
            positions[problem.id] = index
        }
        self.positionByID = positions
    }

    /// The number of problems.
    public var count: Int { problems.count }

    /// Whether the dataset has no problems.
    public var isEmpty: Bool { problems.isEmpty }

    /// The problem with this id, if there is one.
    public subscript(id id: String) -> Problem? {
        positionByID[id].map { problems[$0] }
    }

    /// Whether a problem with this id is in the dataset.
    public func contains(id: String) -> Bool {
        positionByID[id] != nil
    }

    /// The first `count` problems in order (all of them when there are fewer), under the same name.
    public func limit(_ count: Int) -> Dataset {
        Dataset(name: name, uniqueProblems: Array(problems.prefix(max(0, count))))
    }

    /// The same problems in an order fixed by `seed`, under the same name.
    public func shuffled(seed: UInt64) -> Dataset {
        var generator = SplitMix64(seed: seed)
        return Dataset(name: name, uniqueProblems: generator.shuffled(problems))
    }

    /// Splits into disjoint train and test parts that together hold every problem once.
    ///
    /// The test part has `round(count × testFraction)` problems chosen by `seed`; both parts keep the
    /// dataset's order and are named `<name>-train` and `<name>-test`.
    public func split(testFraction: Double, seed: UInt64) throws(DatasetError) -> (train: Dataset, test: Dataset) {
        guard testFraction >= 0, testFraction <= 1 else { throw .testFractionOutOfRange(testFraction) }
        let testCount = Int((Double(count) * testFraction).rounded())
        var generator = SplitMix64(seed: seed)
        let chosen = Set(generator.shuffled(Array(problems.indices)).prefix(testCount))
        var train: [Problem] = []
        var test: [Problem] = []
        for (index, problem) in problems.enumerated() {
            if chosen.contains(index) { test.append(problem) } else { train.append(problem) }
        }
        return (
            Dataset(name: name + "-train", uniqueProblems: train), Dataset(name: name + "-test", uniqueProblems: test)
        )
    }

    /// The distinct sources of the problems, sorted.
    public var sources: [String] {
        Set(problems.map(\.source)).sorted()
    }

    /// One line for the REPL: `gsm8k-test: 100 problems (source: gsm8k)`.
    public var summary: String {
        let noun = count == 1 ? "problem" : "problems"
        let sources = self.sources
        switch sources.count {
        case 0: return "\(name): \(count) \(noun)"
        case 1: return "\(name): \(count) \(noun) (source: \(sources[0]))"
        default: return "\(name): \(count) \(noun) (sources: \(sources.joined(separator: ", ")))"
        }
    }
}
