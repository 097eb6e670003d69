/// One call of a command: its bound arguments, where they were written, and the session it runs in.
/// The interpreter makes one per call (the memberwise initialiser stays internal).
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
    /// The variable each item of the variadic parameter was written as, in order (nil for any other
    /// expression): `compare v w` tells apart two results with one label by these.
    public var itemNames: [String?] = []

    /// The typed value of a parameter (its default when left out).
    public subscript<Wrapped>(_ key: ParameterKey<Wrapped>) -> Wrapped {
        key.value(of: arguments[key.name] ?? key.parameter.defaultValue ?? .none)
    }

    /// Whether the caller wrote this argument rather than taking its default.
    public func isGiven(_ parameter: some ParameterNaming) -> Bool {
        argumentRanges[parameter.name] != nil
    }

    /// Where the argument for a parameter was written (the whole call when it was left out).
    public func range(of parameter: (any ParameterNaming)?) -> SourceRange {
        parameter.flatMap { argumentRanges[$0.name] } ?? range
    }

    /// A user error pointing at an argument (or at the whole call).
    public func error(_ message: String, at parameter: (any ParameterNaming)? = nil, hint: String? = nil) -> Diagnostic
    {
        Diagnostic(.error, message, source: source, range: range(of: parameter), hint: hint)
    }

    /// Runs `body`; an error it throws becomes a user error at `parameter` that keeps it as its
    /// cause, with `prefix` before its message and `hint` in place of its own.
    public func mapping<Result>(
        at parameter: (any ParameterNaming)?, hint: String? = nil, prefix: String = "", _ body: () throws -> Result
    ) throws -> Result {
        do {
            return try body()
        } catch {
            throw wrapped(error, at: parameter, hint: hint, prefix: prefix)
        }
    }

    /// Runs asynchronous `body`; an error it throws becomes a user error at `parameter`, as
    /// ``mapping(at:hint:prefix:_:)-(_,_,_,()->Result)`` does.
    public func mapping<Result>(
        at parameter: (any ParameterNaming)?, hint: String? = nil, prefix: String = "",
        _ body: () async throws -> Result
    ) async throws -> Result {
        do {
            return try await body()
        } catch {
            throw wrapped(error, at: parameter, hint: hint, prefix: prefix)
        }
    }

    private func wrapped(
        _ error: any Error, at parameter: (any ParameterNaming)?, hint: String?, prefix: String
    )
        -> any Error
    {
        // Cancellation and bugs in Chorus keep their own kind; a diagnostic already says where it is.
        if error is CancellationError || error is InternalError || error is Diagnostic { return error }
        return ArgumentError(wrapping: error, at: parameter, prefix: prefix, hint: hint)
    }

    /// Reports a warning about this call through the session's output, pointing at an argument.
    public func warn(_ message: String, at parameter: (any ParameterNaming)? = nil, notes: [String] = []) {
        session.output.diagnostic(
            Diagnostic(.warning, message, source: source, range: range(of: parameter), notes: notes))
    }
}
