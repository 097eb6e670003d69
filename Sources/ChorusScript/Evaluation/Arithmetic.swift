/// `+ - * /` on values: exact on ints (overflow is an error), `/` always gives a number.
enum Arithmetic {
    /// `left op right` into `left`: a string or list grows in place, so a chain of n `+` terms
    /// costs time linear in its length, not quadratic.
    static func apply(
        into left: inout Value, _ op: Expression.BinaryOperator, _ right: Value, fail: (String) -> Diagnostic
    ) throws {
        if op == .add, case .string(var text) = left, case .string(let more) = right {
            left = .none  // drops the value's reference, so `text` is appended to without a copy
            text += more
            left = .string(text)
        } else if op == .add, case .list(var items) = left, case .list(let more) = right {
            left = .none
            items += more
            left = .list(items)
        } else {
            left = try apply(op, left, right, fail: fail)
        }
    }

    static func apply(
        _ op: Expression.BinaryOperator, _ left: Value, _ right: Value, fail: (String) -> Diagnostic
    ) throws -> Value {
        switch (op, left, right) {
        case (.add, .string(let a), .string(let b)): return .string(a + b)
        case (.add, .list(let a), .list(let b)): return .list(a + b)
        case (_, .int(let a), .int(let b)) where op != .divide:
            let (value, overflow): (Int, Bool)
            switch op {
            case .add: (value, overflow) = a.addingReportingOverflow(b)
            case .subtract: (value, overflow) = a.subtractingReportingOverflow(b)
            default: (value, overflow) = a.multipliedReportingOverflow(by: b)
            }
            if overflow { throw fail("the result of `\(op.rawValue)` is too large for an int") }
            return .int(value)
        default:
            guard let a = left.numericValue, let b = right.numericValue else {
                throw fail("cannot apply `\(op.rawValue)` to \(left.typeName) and \(right.typeName)")
            }
            switch op {
            case .add: return .double(a + b)
            case .subtract: return .double(a - b)
            case .multiply: return .double(a * b)
            case .divide:
                if b == 0 { throw fail("division by zero") }
                return .double(a / b)
            }
        }
    }
}
