/// A Swift type a parameter can hold: how the binder checks it and how a key reads it back.
public protocol ParameterValue: Sendable {
    /// The script type the binder accepts for it.
    static var parameterType: ParameterType { get }
    /// Whether leaving the argument out gives `none` (the type is an optional).
    static var defaultsToNone: Bool { get }
    /// The value read from a bound argument; nil when it is of another type.
    init?(argument: Value)
    /// The script value, for defaults shown in help.
    var argument: Value { get }
}

extension ParameterValue {
    public static var defaultsToNone: Bool { false }
}

extension Int: ParameterValue {
    public static var parameterType: ParameterType { .int }
    public init?(argument: Value) {
        guard case .int(let value) = argument else { return nil }
        self = value
    }
    public var argument: Value { .int(self) }
}

extension Double: ParameterValue {
    public static var parameterType: ParameterType { .number }
    public init?(argument: Value) {
        guard let value = argument.numericValue else { return nil }
        self = value
    }
    public var argument: Value { .double(self) }
}

extension String: ParameterValue {
    public static var parameterType: ParameterType { .string }
    public init?(argument: Value) {
        guard case .string(let value) = argument else { return nil }
        self = value
    }
    public var argument: Value { .string(self) }
}

extension Bool: ParameterValue {
    public static var parameterType: ParameterType { .bool }
    public init?(argument: Value) {
        guard case .bool(let value) = argument else { return nil }
        self = value
    }
    public var argument: Value { .bool(self) }
}

extension Value: ParameterValue {
    public static var parameterType: ParameterType { .any }
    public init?(argument: Value) { self = argument }
    public var argument: Value { self }
}

extension Array: ParameterValue where Element: ParameterValue {
    public static var parameterType: ParameterType { .list(Element.parameterType) }
    public init?(argument: Value) {
        guard case .list(let items) = argument else { return nil }
        var elements: [Element] = []
        for item in items {
            guard let element = Element(argument: item) else { return nil }
            elements.append(element)
        }
        self = elements
    }
    public var argument: Value { .list(map(\.argument)) }
}

extension Optional: ParameterValue where Wrapped: ParameterValue {
    public static var parameterType: ParameterType { Wrapped.parameterType }
    public static var defaultsToNone: Bool { true }
    public init?(argument: Value) {
        if argument.isNone {
            self = .none
        } else if let wrapped = Wrapped(argument: argument) {
            self = .some(wrapped)
        } else {
            return nil
        }
    }
    public var argument: Value { map(\.argument) ?? .none }
}

/// A fixed set of words as a Swift enum: `vote s weight: logprob` reads `VoteWeighting.logprob`.
public protocol ParameterChoice: ParameterValue, RawRepresentable<String>, CaseIterable {}

extension ParameterChoice {
    public static var parameterType: ParameterType { .choice(allCases.map(\.rawValue)) }
    public init?(argument: Value) {
        guard case .string(let word) = argument else { return nil }
        self.init(rawValue: word)
    }
    public var argument: Value { .string(rawValue) }
}

/// An engine object a parameter takes, matched by its Swift type.
public protocol ObjectParameter: ScriptObject, ParameterValue {
    /// Its Swift type and the name users read.
    static var objectType: ObjectType { get }
}

extension ObjectParameter {
    public static var parameterType: ParameterType { .object(objectType) }
    public init?(argument: Value) {
        guard case .object(let object) = argument, let typed = object as? Self else { return nil }
        self = typed
    }
    public var argument: Value { .object(self) }
    public var typeName: String { Self.objectType.name }
}

extension Record: ParameterValue {
    public static var parameterType: ParameterType { .record }
    public init?(argument: Value) {
        guard case .record(let record) = argument else { return nil }
        self = record
    }
    public var argument: Value { .record(self) }
}
