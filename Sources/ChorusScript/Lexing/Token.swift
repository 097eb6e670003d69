/// One lexical unit of a script.
public struct Token: Sendable, Equatable {
    /// What kind of token, with its value.
    public enum Kind: Sendable, Equatable {
        case identifier(String)
        case integer(Int)
        case number(Double)
        case string(String)
        case `true`
        case `false`
        case none
        /// `for`, which opens a loop's body.
        case `for`
        /// `end`, which closes a loop's body.
        case end
        /// `_` (the last result) or `_N` (the result numbered N).
        case resultReference(Int?)
        case equal
        case colon
        case comma
        case dot
        case semicolon
        case plus
        case minus
        case star
        case slash
        case leftParen
        case rightParen
        case leftBracket
        case rightBracket
        case leftBrace
        case rightBrace
        case newline
        case endOfInput
        /// Text the lexer could not read; a diagnostic says why.
        case invalid
    }

    /// What kind of token.
    public let kind: Kind
    /// Where it is in the source.
    public let range: SourceRange
    /// Whether whitespace (or a line start) comes right before it.
    public let isPrecededBySpace: Bool
    /// How many loops are open after it: a newline at 0 ends a whole statement, loops and all.
    public let loopDepth: Int
}

extension Token.Kind {
    /// The word of a keyword (`for`, `end`), for where it stands as a bare word: `help for`.
    public var keyword: String? {
        switch self {
        case .for: "for"
        case .end: "end"
        default: nil
        }
    }

    /// How the token reads in a message: `)` or `a name`.
    public var displayName: String {
        switch self {
        case .identifier(let name): "`\(name)`"
        case .integer(let value): "`\(value)`"
        case .number(let value): "`\(value)`"
        case .string: "a string"
        case .true: "`true`"
        case .false: "`false`"
        case .none: "`none`"
        case .for: "`for`"
        case .end: "`end`"
        case .resultReference(let number): number.map { "`_\($0)`" } ?? "`_`"
        case .equal: "`=`"
        case .colon: "`:`"
        case .comma: "`,`"
        case .dot: "`.`"
        case .semicolon: "`;`"
        case .plus: "`+`"
        case .minus: "`-`"
        case .star: "`*`"
        case .slash: "`/`"
        case .leftParen: "`(`"
        case .rightParen: "`)`"
        case .leftBracket: "`[`"
        case .rightBracket: "`]`"
        case .leftBrace: "`{`"
        case .rightBrace: "`}`"
        case .newline: "the end of the line"
        case .endOfInput: "the end of the input"
        case .invalid: "invalid text"
        }
    }
}
