import ChorusEngine

/// `v[i]` and `v["id"]`: one problem of a strategy result, with the answer chosen and its candidates.
extension StrategyResultValue: IndexableObject {
    public var elementNoun: String { "problem" }
    public var elementCount: Int { result.decisions.count }
    public var elementIDs: [String] { result.decisions.map(\.problemID) }

    public func element(at position: Int) -> Value {
        .object(DecisionValue(position: position, result: result))
    }
}
