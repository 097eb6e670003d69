/// The tree a LaTeX answer parses to: arithmetic, plus the containers answers come in.
public indirect enum MathExpression: Sendable, Hashable {
    /// An exact number literal.
    case number(Rational)
    /// A number literal too large to hold exactly.
    case real(Double)
    /// π, e or ∞.
    case constant(MathConstant)
    /// A variable (`x`, `x_1`, `\alpha`).
    case variable(String)
    /// `a + b`.
    case add(MathExpression, MathExpression)
    /// `a - b`.
    case subtract(MathExpression, MathExpression)
    /// `a · b`, written or implicit.
    case multiply(MathExpression, MathExpression)
    /// `a / b`, `\frac{a}{b}`.
    case divide(MathExpression, MathExpression)
    /// `a ^ b`.
    case power(MathExpression, MathExpression)
    /// `-a`.
    case negate(MathExpression)
    /// `a ± b`; the answer stands for both values.
    case plusMinus(MathExpression, MathExpression)
    /// `\sqrt[index]{radicand}`.
    case root(index: MathExpression, radicand: MathExpression)
    /// `a!`.
    case factorial(MathExpression)
    /// `a\%`.
    case percent(MathExpression)
    /// `\sin x`, `|x|`, `\log_b x` (as `log x / log b`).
    case function(MathFunction, MathExpression)
    /// `(a, b, …)`: an ordered tuple or point.
    case tuple([MathExpression])
    /// `\{a, b\}`: an unordered set.
    case set([MathExpression])
    /// `a, b, …` with no brackets: an unordered list of answers.
    case list([MathExpression])
    /// `(a, b]` and friends.
    case interval(lower: MathExpression, upper: MathExpression, lowerClosed: Bool, upperClosed: Bool)
    /// `A \cup B`.
    case union([MathExpression])
    /// A matrix or vector environment, rows of cells.
    case matrix([[MathExpression]])
    /// `lhs = rhs`, `x \le 3`, `x \in (0, 1)`.
    case relation(MathRelation, MathExpression, MathExpression)
    /// `a : b` (a ratio, or a time such as `12:00`).
    case ratio([MathExpression])
}

/// A named constant that may appear in an answer.
public enum MathConstant: String, Sendable, Hashable {
    /// π.
    case pi
    /// Euler's number, written `e`.
    case e
    /// ∞ (`\infty`).
    case infinity
}

/// A function applied to one argument.
public enum MathFunction: String, Sendable, Hashable {
    /// The functions, by their LaTeX names.
    case sin, cos, tan, cot, sec, csc, arcsin, arccos, arctan, sinh, cosh, tanh, ln, log, exp, abs
}

/// A comparison between the two sides of a relation.
public enum MathRelation: String, Sendable, Hashable {
    /// `=` (also `\approx`).
    case equal = "="
    /// `<`.
    case less = "<"
    /// `\le`.
    case lessOrEqual = "<="
    /// `>`.
    case greater = ">"
    /// `\ge`.
    case greaterOrEqual = ">="
    /// `\ne`.
    case notEqual = "!="
    /// `\in`.
    case member = "in"
}

extension MathExpression: CustomStringConvertible {
    /// A fully parenthesised rendering, stable enough to serve as a structural key.
    public var description: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func writeList(_ items: [MathExpression], _ open: String, _ close: String, to out: inout String) {
        out += open
        for (index, item) in items.enumerated() {
            if index > 0 { out += "," }
            item.write(to: &out)
        }
        out += close
    }

    private func writeBinary(_ a: MathExpression, _ op: String, _ b: MathExpression, to out: inout String) {
        out += "("
        a.write(to: &out)
        out += op
        b.write(to: &out)
        out += ")"
    }

    func write(to out: inout String) {
        switch self {
        case .number(let r): out += r.description
        case .real(let d): out += NumberFormatting.shortest(d)
        case .constant(let c): out += c.rawValue
        case .variable(let name): out += name
        case .add(let a, let b): writeBinary(a, "+", b, to: &out)
        case .subtract(let a, let b): writeBinary(a, "-", b, to: &out)
        case .multiply(let a, let b): writeBinary(a, "*", b, to: &out)
        case .divide(let a, let b): writeBinary(a, "/", b, to: &out)
        case .power(let a, let b): writeBinary(a, "^", b, to: &out)
        case .plusMinus(let a, let b): writeBinary(a, "±", b, to: &out)
        case .negate(let a):
            out += "(-"
            a.write(to: &out)
            out += ")"
        case .root(let index, let radicand): writeBinary(index, "√", radicand, to: &out)
        case .factorial(let a):
            a.write(to: &out)
            out += "!"
        case .percent(let a):
            a.write(to: &out)
            out += "%"
        case .function(let f, let a):
            out += f.rawValue + "("
            a.write(to: &out)
            out += ")"
        case .tuple(let items): writeList(items, "(", ")", to: &out)
        case .set(let items): writeList(items, "{", "}", to: &out)
        case .list(let items): writeList(items, "", "", to: &out)
        case .interval(let lower, let upper, let lowerClosed, let upperClosed):
            writeList([lower, upper], lowerClosed ? "[" : "(", upperClosed ? "]" : ")", to: &out)
        case .union(let parts):
            for (index, part) in parts.enumerated() {
                if index > 0 { out += "∪" }
                part.write(to: &out)
            }
        case .matrix(let rows):
            out += "["
            for (index, row) in rows.enumerated() {
                if index > 0 { out += ";" }
                writeList(row, "", "", to: &out)
            }
            out += "]"
        case .relation(let relation, let a, let b): writeBinary(a, relation.rawValue, b, to: &out)
        case .ratio(let parts):
            writeList(parts, "(", ")", to: &out)
            out += ":"
        }
    }
}
