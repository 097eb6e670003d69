import ChorusEngine
import Foundation

/// The one place a thrown error becomes what the user sees: a ``Diagnostic`` for user errors,
/// nil for internal ones.
public enum UserErrors {
    /// The diagnostic for `error`, located in `source` at the argument it names (from
    /// `argumentRanges`) or else at `range`; nil when it is not the user's to fix.
    public static func diagnostic(
        for error: any Error, source: SourceFile, range: SourceRange, argumentRanges: [String: SourceRange] = [:]
    ) -> Diagnostic? {
        if var diagnostic = error as? Diagnostic {
            if diagnostic.source == nil {
                diagnostic.source = source
                diagnostic.range = range
            }
            return diagnostic
        }
        guard let user = userError(error) else { return nil }
        return Diagnostic(
            .error, user.message, source: source, range: user.argument.flatMap { argumentRanges[$0] } ?? range,
            hint: user.hint)
    }

    /// The error as a user error: its own conformance, or the system's file and network errors,
    /// which say what the machine refused.
    static func userError(_ error: any Error) -> (any UserError)? {
        if let user = error as? any UserError { return user }
        if error is InternalError || error is CancellationError { return nil }
        if error is CocoaError || error is URLError || error is POSIXError {
            return ArgumentError(message(of: error), at: nil)
        }
        return nil
    }

    /// The text of an error that has no ``UserError/message``.
    static func message(of error: any Error) -> String {
        if error is CocoaError || error is URLError || error is POSIXError { return error.localizedDescription }
        return String(describing: error)
    }
}

extension Diagnostic: UserError {
    public var argument: String? { nil }
    public var cause: (any Error)? { nil }
}
