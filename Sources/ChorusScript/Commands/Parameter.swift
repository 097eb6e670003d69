/// The type of value a parameter accepts, as the binder checks it and help shows it.
public indirect enum ParameterType: Sendable, Equatable {
    /// Any value.
    case any
    /// `true` or `false`.
    case bool
    /// A whole number.
    case int
    /// A whole or decimal number.
    case number
    /// Text.
    case string
    /// A file path, written as a string.
    case path
    /// A list whose items have the given type.
    case list(ParameterType)
    /// A record `{name: value}`.
    case record
    /// One of a fixed set of words, written bare (`timer on`) or as a string.
    case choice([String])
    /// The name of a command, written bare (`help sample`) or as a string.
    case commandName
    /// An engine object of one of the given Swift types (a dataset; a model or a learned aggregator).
    case objects([ObjectType])

    /// An engine object of one Swift type.
    public static func object(_ type: ObjectType) -> ParameterType { .objects([type]) }

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
        case .objects(let types): types.map(\.name).joined(separator: " or ")
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

/// Something that names one parameter, so an error can point at the argument written for it.
public protocol ParameterNaming: Sendable {
    /// The parameter's name.
    var name: String { get }
}

/// Parameters as a signature lists them: one parameter, a typed key, or a group of keys.
public protocol ParameterList: Sendable {
    /// The parameters, in the order the usage line shows them.
    var parameters: [Parameter] { get }
}

/// One parameter as help, completion and the binder see it; commands declare it as a typed
/// ``ParameterKey`` and read it back through that key.
public struct Parameter: Sendable, ParameterNaming, ParameterList {
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
    /// The range a given value must fall in, checked by the binder.
    public let constraint: ParameterConstraint?
    /// Whether the typed key can read a value; the binder's checks guarantee it for bound values.
    let isReadable: @Sendable (Value) -> Bool

    init(
        name: String, type: ParameterType, summary: String, defaultValue: Value?, isPositional: Bool,
        isVariadic: Bool, completion: CompletionHint?, constraint: ParameterConstraint?,
        isReadable: @escaping @Sendable (Value) -> Bool
    ) {
        self.name = name
        self.type = type
        self.summary = summary
        self.defaultValue = defaultValue
        self.isPositional = isPositional
        self.isVariadic = isVariadic
        self.completion = completion ?? Self.defaultCompletion(for: type)
        self.constraint = constraint
        self.isReadable = isReadable
    }

    /// Whether the argument must be given.
    public var isRequired: Bool { defaultValue == nil }

    /// Itself, so a signature can list it beside keys and groups.
    public var parameters: [Parameter] { [self] }

    private static func defaultCompletion(for type: ParameterType) -> CompletionHint {
        switch type {
        case .path: .filePath
        case .choice(let words): .words(words)
        case .commandName: .commandName
        case .objects(let types) where types.count == 1: .variable(typeName: types[0].name)
        default: .variable(typeName: nil)
        }
    }
}
