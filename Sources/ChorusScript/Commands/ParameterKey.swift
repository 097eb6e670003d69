/// A parameter declared once, with its Swift type, and read back through the same key:
/// `invocation[Self.k]` is an `Int`, and a misspelt key does not compile.
public struct ParameterKey<Wrapped: Sendable>: ParameterNaming, ParameterList {
    /// The parameter as help, completion and the binder see it.
    public let parameter: Parameter
    private let read: @Sendable (Value) -> Wrapped?

    private init(_ parameter: Parameter, read: @escaping @Sendable (Value) -> Wrapped?) {
        self.parameter = parameter
        self.read = read
    }

    /// The parameter's name.
    public var name: String { parameter.name }

    /// The one parameter, for a signature's list.
    public var parameters: [Parameter] { [parameter] }

    /// The typed value of a bound argument (or default).
    func value(of argument: Value) -> Wrapped {
        guard let value = read(argument) else {
            // The binder checked the argument against this key's own type, so this is a bug in Chorus.
            preconditionFailure("`\(name)` was bound to \(argument.typeName), which its key cannot read")
        }
        return value
    }

    /// A key for one of fixed values, each written as a word.
    public static func choice(
        _ name: String, _ summary: String, among values: [Wrapped], word: @escaping @Sendable (Wrapped) -> String,
        default defaultValue: Wrapped? = nil, positional: Bool = false
    ) -> ParameterKey {
        let words = values.map(word)
        let read: @Sendable (Value) -> Wrapped? = { argument in
            guard case .string(let given) = argument else { return nil }
            return values.first { word($0) == given }
        }
        let parameter = Parameter(
            name: name, type: .choice(words), summary: summary, defaultValue: defaultValue.map { .string(word($0)) },
            isPositional: positional, isVariadic: false, completion: nil, constraint: nil,
            isReadable: { read($0) != nil })
        return ParameterKey(parameter, read: read)
    }
}

extension ParameterKey where Wrapped: ParameterValue {
    /// A parameter that may be given by position or by name.
    public static func positional(
        _ name: String, _ summary: String, default defaultValue: Wrapped? = nil,
        in constraint: ParameterConstraint? = nil,
        type: ParameterType? = nil, completion: CompletionHint? = nil
    ) -> ParameterKey {
        make(name, summary, defaultValue, constraint, type, completion, positional: true)
    }

    /// A parameter given only by name: `n: 8`.
    public static func named(
        _ name: String, _ summary: String, default defaultValue: Wrapped? = nil,
        in constraint: ParameterConstraint? = nil,
        type: ParameterType? = nil, completion: CompletionHint? = nil
    ) -> ParameterKey {
        make(name, summary, defaultValue, constraint, type, completion, positional: false)
    }

    private static func make(
        _ name: String, _ summary: String, _ defaultValue: Wrapped?, _ constraint: ParameterConstraint?,
        _ type: ParameterType?, _ completion: CompletionHint?, positional: Bool
    ) -> ParameterKey {
        let read: @Sendable (Value) -> Wrapped? = { Wrapped(argument: $0) }
        let parameter = Parameter(
            name: name, type: type ?? Wrapped.parameterType, summary: summary,
            defaultValue: defaultValue?.argument ?? (Wrapped.defaultsToNone ? Value.none : nil),
            isPositional: positional, isVariadic: false, completion: completion, constraint: constraint,
            isReadable: { read($0) != nil })
        return ParameterKey(parameter, read: read)
    }
}

extension ParameterKey {
    /// A parameter that collects every remaining positional argument into a list.
    public static func variadic<Element: ParameterValue>(_ name: String, _ summary: String) -> ParameterKey
    where Wrapped == [Element] {
        let read: @Sendable (Value) -> Wrapped? = { [Element](argument: $0) }
        let parameter = Parameter(
            name: name, type: Element.parameterType, summary: summary, defaultValue: .list([]), isPositional: true,
            isVariadic: true, completion: nil, constraint: nil, isReadable: { read($0) != nil })
        return ParameterKey(parameter, read: read)
    }
}
