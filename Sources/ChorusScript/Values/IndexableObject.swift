/// An engine value whose parts a script reads with `value[i]` (and, where parts have ids,
/// `value["id"]`): a dataset's problems, a set's problems, a problem's samples.
public protocol IndexableObject: ScriptObject {
    /// What one part is called in messages: `problem`, `sample`, `candidate`.
    var elementNoun: String { get }
    /// How many parts there are.
    var elementCount: Int { get }
    /// Part `position`, from 0; the caller has checked the range.
    func element(at position: Int) -> Value
    /// The parts' ids in order, for `value["id"]`; empty when parts have none.
    var elementIDs: [String] { get }
}

extension IndexableObject {
    public var elementNoun: String { "item" }
    public var elementIDs: [String] { [] }
}
