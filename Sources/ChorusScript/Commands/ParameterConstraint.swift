import ChorusEngine

/// The numbers a parameter accepts, declared once and checked by the binder at the argument.
///
/// It applies to an int or a number, and to every item of a list of them; `none` passes.
public struct ParameterConstraint: Sendable {
    /// How the accepted numbers read after "must be": `at least 1`, `between 0 and 10`.
    public let phrase: String
    /// What to do about a value outside it.
    public let hint: String?
    private let accepts: @Sendable (Double) -> Bool

    /// A constraint with its wording and test.
    public init(_ phrase: String, hint: String? = nil, accepts: @escaping @Sendable (Double) -> Bool) {
        self.phrase = phrase
        self.hint = hint
        self.accepts = accepts
    }

    /// `low` or more.
    public static func atLeast(_ low: Double, hint: String? = nil) -> ParameterConstraint {
        ParameterConstraint("at least \(bound(low))", hint: hint) { $0 >= low }
    }

    /// From `low` to `high`, both included.
    public static func between(_ low: Double, _ high: Double, hint: String? = nil) -> ParameterConstraint {
        ParameterConstraint("between \(bound(low)) and \(bound(high))", hint: hint) { $0 >= low && $0 <= high }
    }

    /// `low` or more, and below `high`.
    public static func from(_ low: Double, below high: Double, hint: String? = nil) -> ParameterConstraint {
        ParameterConstraint("at least \(bound(low)) and below \(bound(high))", hint: hint) { $0 >= low && $0 < high }
    }

    /// Above `low`, and at most `high`.
    public static func above(_ low: Double, atMost high: Double, hint: String? = nil) -> ParameterConstraint {
        ParameterConstraint("above \(bound(low)) and at most \(bound(high))", hint: hint) { $0 > low && $0 <= high }
    }

    /// Above `low` and below `high`.
    public static func above(_ low: Double, below high: Double, hint: String? = nil) -> ParameterConstraint {
        ParameterConstraint("above \(bound(low)) and below \(bound(high))", hint: hint) { $0 > low && $0 < high }
    }

    /// Above zero.
    public static let positive = ParameterConstraint("positive") { $0 > 0 }

    /// The first value of `value` (itself, or an item of a list) outside the constraint.
    func violation(in value: Value) -> Value? {
        switch value {
        case .int(let number): accepts(Double(number)) ? nil : value
        case .double(let number): number.isFinite && accepts(number) ? nil : value
        case .list(let items): items.lazy.compactMap(violation(in:)).first
        default: nil
        }
    }

    /// A bound as people write it: `1`, `0.5`, `86400`.
    private static func bound(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : NumberFormatting.shortest(value)
    }
}
