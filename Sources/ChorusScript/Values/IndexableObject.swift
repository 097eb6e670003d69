/// An engine value that `value[i]` indexes from 0 (and from -1 for the last), as a list is.
public protocol IndexableObject: ScriptObject {
    /// How many elements there are.
    var elementCount: Int { get }
    /// The element at `position`, which is in `0..<elementCount`.
    func element(at position: Int) -> Value
}
