/// An error the user can fix (a bad argument, bad data, a server that said no), with what to
/// do next; the interpreter turns every one into a ``Diagnostic`` in one place.
///
/// Anything thrown that is neither a user error nor a cancellation is an internal error: a bug
/// in Chorus, reported as such (exit 70).
public protocol UserError: Error, Sendable {
    /// What went wrong, in one sentence.
    var message: String { get }
    /// What to do about it.
    var hint: String? { get }
    /// The parameter whose argument it points at; nil for the whole call.
    var argument: String? { get }
    /// The error it was made from, kept for tests and logs.
    var cause: (any Error)? { get }
}

extension UserError {
    public var hint: String? { nil }
    public var argument: String? { nil }
    public var cause: (any Error)? { nil }
}

extension UserError where Self: CustomStringConvertible {
    public var message: String { description }
}

/// A user error tied to one argument, made from the error a command's work threw.
public struct ArgumentError: UserError {
    public let message: String
    public let hint: String?
    public let argument: String?
    public let cause: (any Error)?

    /// An error of its own.
    public init(_ message: String, at argument: (any ParameterNaming)? = nil, hint: String? = nil) {
        self.message = message
        self.argument = argument?.name
        self.hint = hint
        self.cause = nil
    }

    /// `cause`, pointed at an argument; `prefix` says what was being done (`cannot read x: `), and a
    /// hint given here replaces the cause's own.
    public init(
        wrapping cause: any Error, at argument: (any ParameterNaming)?, prefix: String = "", hint: String? = nil
    ) {
        let user = cause as? any UserError
        self.message = prefix + (user?.message ?? UserErrors.message(of: cause))
        self.argument = argument?.name ?? user?.argument
        self.hint = hint ?? user?.hint
        self.cause = cause
    }
}
