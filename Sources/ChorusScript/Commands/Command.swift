/// A command of the language: its signature and what it does.
///
/// Adding a command is one file holding a type that conforms to this
/// protocol, plus one line in ``CommandRegistry/standard``.
public protocol Command: Sendable {
    /// Name, parameters, help and completion hints.
    var signature: CommandSignature { get }
    /// Runs the command on bound arguments; throws a ``Diagnostic`` for user errors.
    func run(_ invocation: Invocation) async throws -> Value
}
