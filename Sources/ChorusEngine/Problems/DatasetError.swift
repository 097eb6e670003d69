/// Why a dataset could not be built or derived.
public enum DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two problems share an id; ids must be unique so results can be joined back to problems.
    case duplicateID(String, dataset: String, firstIndex: Int, secondIndex: Int)
    /// A split's test fraction lies outside 0…1.
    case testFractionOutOfRange(Double)
    /// No built-in dataset has this name.
    case unknownBuiltIn(String, available: [String])
    /// A count that must not be negative was.
    case negativeCount(Int)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case let .duplicateID(id, dataset, firstIndex, secondIndex):
            return
                "dataset \"\(dataset)\": id \"\(id)\" is used by problems \(firstIndex + 1) and \(secondIndex + 1); ids must be unique"
        case let .testFractionOutOfRange(fraction):
            return "test fraction \(NumberFormatting.shortest(fraction)) is outside 0...1"
        case let .unknownBuiltIn(name, available):
            return "no built-in dataset named \"\(name)\" (available: \(available.joined(separator: ", ")))"
        case let .negativeCount(count):
            return "count \(count) is negative"
        }
    }
}
