/// One call of a command: its bound arguments, where they were written, and the session it runs in.
public struct Invocation: Sendable {
    /// The command's signature.
    public let signature: CommandSignature
    /// Every parameter's value, defaults filled in.
    public let arguments: [String: Value]
    /// Where each given argument was written; left-out ones point at the command name.
    public let argumentRanges: [String: SourceRange]
    /// The span of the whole call.
    public let range: SourceRange
    /// The source the call was read from.
    public let source: SourceFile
    /// The session the command runs in.
    public let session: Session

    /// Creates an invocation.
    public init(
        signature: CommandSignature, arguments: [String: Value], argumentRanges: [String: SourceRange],
        range: SourceRange, source: SourceFile, session: Session
    ) {
        self.signature = signature
        self.arguments = arguments
        self.argumentRanges = argumentRanges
        self.range = range
        self.source = source
        self.session = session
    }

    /// The value of a parameter (its default when left out).
    public subscript(_ name: String) -> Value {
        arguments[name] ?? .none
    }

    /// A string or path argument.
    public func string(_ name: String) -> String {
        if case .string(let text) = self[name] { return text }
        return self[name].printText
    }

    /// An int argument.
    public func int(_ name: String) -> Int {
        if case .int(let value) = self[name] { return value }
        return Int(self[name].numericValue ?? 0)
    }

    /// A number argument, given as an int or a number.
    public func double(_ name: String) -> Double {
        self[name].numericValue ?? 0
    }

    /// A bool argument.
    public func bool(_ name: String) -> Bool {
        if case .bool(let value) = self[name] { return value }
        return false
    }

    /// A list argument.
    public func list(_ name: String) -> [Value] {
        if case .list(let items) = self[name] { return items }
        return []
    }

    /// An engine object argument of a given Swift type.
    public func object<Object: ScriptObject>(_ name: String, as type: Object.Type) -> Object? {
        if case .object(let object) = self[name] { return object as? Object }
        return nil
    }

    /// An optional int argument: nil when left out or `none`.
    public func optionalInt(_ name: String) -> Int? {
        self[name].isNone ? nil : int(name)
    }

    /// Whether the caller wrote this argument rather than taking its default.
    public func isGiven(_ name: String) -> Bool {
        argumentRanges[name] != nil
    }

    /// A user error pointing at an argument (or at the whole call).
    public func error(_ message: String, at parameter: String? = nil, hint: String? = nil) -> Diagnostic {
        let range = parameter.flatMap { argumentRanges[$0] } ?? range
        return Diagnostic(.error, message, source: source, range: range, hint: hint)
    }
}
