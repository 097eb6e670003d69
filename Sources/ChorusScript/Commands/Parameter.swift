/// The type of value a parameter accepts.
public indirect enum ParameterType: Sendable, Equatable {
    /// Any value.
    case any
    case bool
    /// A whole number.
    case int
    /// A whole or decimal number.
    case number
    case string
    /// A file path, written as a string.
    case path
    /// A list whose items have the given type.
    case list(ParameterType)
    case record
    /// One of a fixed set of words, written bare (`timer on`) or as a string.
    case choice([String])
    /// The name of a command, written bare (`help sample`) or as a string.
    case commandName
    /// An engine object of the given type name (`dataset`, `model`, …).
    case object(String)
    /// An engine object of any of the given type names (`model` or `learned aggregator`).
    case objects([String])

    /// How the type reads in help and errors.
    public var displayName: String {
        switch self {
        case .any: "any value"
        case .bool: "bool"
        case .int: "int"
        case .number: "number"
        case .string: "string"
        case .path: "path"
        case .list(let item): "list of \(item.displayName)"
        case .record: "record"
        case .choice(let words): words.joined(separator: "|")
        case .commandName: "command"
        case .object(let name): name
        case .objects(let names): names.joined(separator: " or ")
        }
    }
}

/// What Tab should offer for a parameter's value.
public enum CompletionHint: Sendable, Equatable {
    case none
    /// Paths on disk, inside a string.
    case filePath
    /// Command names.
    case commandName
    /// Variables, optionally only those of one type.
    case variable(typeName: String?)
    /// Fixed words.
    case words([String])
}

/// One parameter of a command.
public struct Parameter: Sendable {
    /// The name, used for the named form `name: value`.
    public let name: String
    /// The accepted type.
    public let type: ParameterType
    /// What it means, in a few words.
    public let summary: String
    /// The value when the argument is left out; nil makes the parameter required.
    public let defaultValue: Value?
    /// Whether it may be given without its name, in order.
    public let isPositional: Bool
    /// Whether it takes all remaining positional arguments as a list.
    public let isVariadic: Bool
    /// What Tab offers for it.
    public let completion: CompletionHint

    /// A parameter that may be given by position or by name.
    public static func positional(
        _ name: String, _ type: ParameterType, _ summary: String, default defaultValue: Value? = nil,
        completion: CompletionHint? = nil
    ) -> Parameter {
        Parameter(
            name: name, type: type, summary: summary, defaultValue: defaultValue, isPositional: true,
            isVariadic: false, completion: completion ?? Self.defaultCompletion(for: type))
    }

    /// A parameter given only by name: `n: 8`.
    public static func named(
        _ name: String, _ type: ParameterType, _ summary: String, default defaultValue: Value? = nil,
        completion: CompletionHint? = nil
    ) -> Parameter {
        Parameter(
            name: name, type: type, summary: summary, defaultValue: defaultValue, isPositional: false,
            isVariadic: false, completion: completion ?? Self.defaultCompletion(for: type))
    }

    /// A parameter that collects every remaining positional argument into a list.
    public static func variadic(_ name: String, _ type: ParameterType, _ summary: String) -> Parameter {
        Parameter(
            name: name, type: type, summary: summary, defaultValue: .list([]), isPositional: true,
            isVariadic: true, completion: Self.defaultCompletion(for: type))
    }

    /// Whether the argument must be given.
    public var isRequired: Bool { defaultValue == nil }

    private static func defaultCompletion(for type: ParameterType) -> CompletionHint {
        switch type {
        case .path: .filePath
        case .choice(let words): .words(words)
        case .commandName: .commandName
        case .object(let name): .variable(typeName: name)
        case .objects(let names) where names.count == 1: .variable(typeName: names[0])
        default: .variable(typeName: nil)
        }
    }
}
