/// An argument that may be an engine object of either of two types: `aggregate … with:` takes a
/// model or a learned aggregator, `compare` strategy results and sample sets.
public enum EitherObject<First: ObjectParameter, Second: ObjectParameter>: ParameterValue {
    /// An object of the first type.
    case first(First)
    /// An object of the second type.
    case second(Second)

    public static var parameterType: ParameterType { .objects([First.objectType, Second.objectType]) }

    public init?(argument: Value) {
        if let first = First(argument: argument) {
            self = .first(first)
        } else if let second = Second(argument: argument) {
            self = .second(second)
        } else {
            return nil
        }
    }

    public var argument: Value {
        switch self {
        case .first(let first): .object(first)
        case .second(let second): .object(second)
        }
    }
}
