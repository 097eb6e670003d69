/// How a generated problem writes its exact answer.
public enum ArithmeticAnswerForm: String, Sendable, CaseIterable {
    /// A whole number: `42`.
    case integer
    /// A fraction in lowest terms as `a/b` (`5/12`), or a whole number when it is one.
    case fraction
    /// A terminating decimal with no trailing zeros (`2.5`, `12.75`), or a whole number when it is one.
    case decimal

    /// The answer written in this form.
    func text(for value: Rational) -> String {
        switch self {
        case .integer:
            precondition(value.isInteger, "an integer answer must be whole")
            return String(value.numerator)
        case .fraction:
            return value.description
        case .decimal:
            guard let text = value.decimalText else { preconditionFailure("a decimal answer must terminate") }
            return text
        }
    }
}
