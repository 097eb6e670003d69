import ChorusEngine

/// `data[i]` and `data["id"]`: one problem of a dataset.
extension DatasetValue: IndexableObject {
    public var elementNoun: String { "problem" }
    public var elementCount: Int { dataset.problems.count }
    public var elementIDs: [String] { dataset.problems.map(\.id) }

    public func element(at position: Int) -> Value {
        .object(ProblemValue(dataset.problems[position], position: position))
    }
}
