/// A LaTeX command the math parser gives a meaning to.
enum LatexCommand: Sendable, Equatable {
    case frac, sqrt, plusMinus, minusPlus, cup, lessOrEqual, greaterOrEqual, notEqual, member
    case degree, setOpen, setClose, rowBreak, emptySet
    case constant(MathConstant)
    case function(MathFunction)
}

/// One token of an answer's math text.
struct MathToken: Sendable, Equatable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        /// A number literal; `plainInteger` when written as bare digits (for base subscripts and mixed numbers).
        case number(Rational, plainInteger: Bool)
        /// A number literal too large for `Rational`.
        case real(Double)
        /// A one-letter variable, or a named symbol such as `\alpha`.
        case letter(String)
        /// A run of two or more letters; `isText` when it came from `\text{…}` and friends.
        case word(String, isText: Bool)
        /// A one-byte symbol: `+ - * / ^ _ ( ) [ ] { } , ; = < > ! | & % :`.
        case symbol(UInt8)
        /// A LaTeX command with a meaning.
        case command(LatexCommand)
        /// `\begin{name}`.
        case begin(String)
        /// `\end{name}`.
        case end(String)
    }

    /// What the token is.
    var kind: Kind
    /// Whether white space came just before it (units, mixed numbers `2 1/2`).
    var spaceBefore: Bool
    /// For a decimal literal (`0.0833333333`), the digits after the point; 0 otherwise.
    var decimalPlaces: Int = 0
    /// For a decimal literal, its significant digits (leading zeros not counted); 0 otherwise.
    var significantDigits: Int = 0

    /// Whether this is the symbol `byte`.
    @inline(__always)
    func isSymbol(_ byte: UInt8) -> Bool {
        if case .symbol(let b) = kind { return b == byte }
        return false
    }

    /// Whether this is the command `command`.
    @inline(__always)
    func isCommand(_ command: LatexCommand) -> Bool {
        if case .command(let c) = kind { return c == command }
        return false
    }
}
