/// Turns script text into tokens.
///
/// Newlines end statements, except inside `(…)`, `[…]` and `{…}` and after a
/// `\` at the end of a line, so a statement can continue over several lines.
/// A `for` that begins a statement (or follows `name =` there) opens a loop whose
/// body runs to the `end` that begins a later statement; until then the text is
/// unfinished, so the REPL and a pipe keep reading lines.
/// Comments run from `#` to the end of the line. Strings are `"…"` (with
/// escapes), `'…'` (raw: backslashes kept, handy for LaTeX) and `"""…"""`
/// (multi-line, with escapes).
public struct Lexer: Sendable {
    /// The tokens and the problems found while reading them.
    public struct Output: Sendable {
        /// The tokens, always ending in `.endOfInput`.
        public var tokens: [Token]
        /// Lexical errors (bad characters, unterminated strings).
        public var diagnostics: [Diagnostic]
        /// Whether the text stops inside a bracket, a string, a loop's body, or after a `\`: more lines would finish it.
        public var isUnfinished: Bool
    }

    private let source: SourceFile
    private let characters: [Character]
    private var position = 0
    private var line = 1
    private var column = 1
    private var bracketStack: [Character] = []
    private var tokens: [Token] = []
    private var diagnostics: [Diagnostic] = []
    private var isUnfinished = false
    private var endsInTripleQuotedString = false
    private var endsInLineContinuation = false
    private var sawSpace = true
    /// Loops whose `end` has not come yet.
    private var openLoops = 0
    /// The first tokens (at most three) of the statement being read, which tell whether a `for` opens a loop.
    private var statementHead: [Token.Kind] = []

    /// Creates a lexer over a source.
    public init(source: SourceFile) {
        self.source = source
        self.characters = source.characters
        self.line = source.firstLine
    }

    /// Reads the whole source.
    public static func tokenize(_ source: SourceFile) -> Output {
        var lexer = Lexer(source: source)
        return lexer.run()
    }

    /// Whether `text` is an unfinished statement that needs more lines (open bracket, string, loop, or trailing `\`).
    public static func needsMoreInput(_ text: String) -> Bool {
        tokenize(SourceFile(name: "<input>", text: text)).isUnfinished
    }

    /// What an unfinished statement leaves open at the end of a line, for reading the next line alone.
    public struct Continuation: Sendable, Equatable {
        /// The brackets still open, innermost last.
        var openBrackets: [Character] = []
        /// Whether the line ended inside a `"""…"""` string.
        var isInTripleQuotedString = false
        /// The loops still open, each waiting for its `end`.
        var openLoops = 0
        /// The first tokens of a statement that goes on to the next line.
        var statementHead: [Token.Kind] = []
        /// Whether the statement needs more lines (``needsMoreInput(_:)`` of all the lines so far).
        public internal(set) var needsMoreInput = false

        /// The state before a statement's first line.
        public init() {}
    }

    /// Reads one more line of a statement that stood at `state`; the same answer as ``needsMoreInput(_:)``
    /// on all the lines joined, in time linear in this line, so a statement of many lines is read in linear time.
    public static func continuation(after line: String, from state: Continuation) -> Continuation {
        var lexer = Lexer(source: SourceFile(name: "<input>", text: line))
        lexer.bracketStack = state.openBrackets
        lexer.openLoops = state.openLoops
        lexer.statementHead = state.statementHead
        if state.isInTripleQuotedString { lexer.finishTripleQuotedString(from: lexer.location) }
        let output = lexer.run()
        var next = Continuation()
        next.openBrackets = lexer.bracketStack
        next.isInTripleQuotedString = lexer.endsInTripleQuotedString
        next.openLoops = lexer.openLoops
        // The end of the line ends the statement, as the newline between the lines would.
        let statementGoesOn =
            !lexer.bracketStack.isEmpty || lexer.endsInTripleQuotedString || lexer.endsInLineContinuation
        next.statementHead = statementGoesOn ? lexer.statementHead : []
        next.needsMoreInput = output.isUnfinished
        return next
    }

    private mutating func run() -> Output {
        while position < characters.count {
            let character = characters[position]
            switch character {
            case " ", "\t", "\r":
                advance()
                sawSpace = true
            case "#":
                while position < characters.count, !characters[position].isNewline { advance() }
            case "\\" where isLineContinuation():
                advance()
                while position < characters.count, !characters[position].isNewline { advance() }
                if position < characters.count {
                    advance()
                } else {
                    isUnfinished = true
                    endsInLineContinuation = true
                }
                sawSpace = true
            case _ where character.isNewline:
                let start = location
                advance()
                if bracketStack.isEmpty {
                    emit(.newline, from: start)
                }
                sawSpace = true
            case "\"", "'":
                lexString()
            case _ where character.isNumber && character.isASCII:
                lexNumber()
            case "." where peek(1)?.isASCIINumber == true:
                lexNumber()
            case _ where character.isLetter || character == "_":
                lexWord()
            default:
                lexSymbol(character)
            }
        }
        if !bracketStack.isEmpty || openLoops > 0 { isUnfinished = true }
        emit(.endOfInput, from: location)
        return Output(tokens: tokens, diagnostics: diagnostics, isUnfinished: isUnfinished)
    }

    // MARK: - Reading characters

    private var location: SourceLocation {
        SourceLocation(offset: position, line: line, column: column)
    }

    private func peek(_ ahead: Int = 0) -> Character? {
        let index = position + ahead
        return index < characters.count ? characters[index] : nil
    }

    private mutating func advance() {
        if characters[position].isNewline {
            line += 1
            column = 1
        } else {
            column += 1
        }
        position += 1
    }

    private mutating func emit(_ kind: Token.Kind, from start: SourceLocation) {
        trackLoops(kind)
        tokens.append(
            Token(
                kind: kind, range: SourceRange(start: start, end: location), isPrecededBySpace: sawSpace,
                loopDepth: openLoops))
        sawSpace = false
    }

    /// Counts the loops a statement opens and closes, as the parser reads them: `for` opens one where it
    /// begins a statement or follows `name =` there, `end` closes one where it begins a statement.
    private mutating func trackLoops(_ kind: Token.Kind) {
        guard bracketStack.isEmpty else { return }
        switch kind {
        case .newline, .semicolon:
            statementHead = []
            return
        case .endOfInput:
            // A line read alone ends here; whether its statement goes on is the caller's to say.
            return
        case .for:
            let isAssigned: Bool
            if statementHead.count == 2, case .identifier = statementHead[0], statementHead[1] == .equal {
                isAssigned = true
            } else {
                isAssigned = false
            }
            if statementHead.isEmpty || isAssigned { openLoops += 1 }
        case .end:
            if statementHead.isEmpty, openLoops > 0 { openLoops -= 1 }
        default:
            break
        }
        if statementHead.count < 3 { statementHead.append(kind) }
    }

    private mutating func report(_ message: String, from start: SourceLocation, hint: String? = nil) {
        diagnostics.append(
            Diagnostic(.error, message, source: source, range: SourceRange(start: start, end: location), hint: hint))
    }

    /// A `\` followed only by spaces or a comment up to the end of the line.
    private func isLineContinuation() -> Bool {
        var index = position + 1
        while index < characters.count {
            let character = characters[index]
            if character.isNewline || character == "#" { return true }
            if character != " ", character != "\t", character != "\r" { return false }
            index += 1
        }
        return true
    }

    // MARK: - Tokens

    private mutating func lexWord() {
        let start = location
        var word = ""
        while let character = peek(), character.isLetter || character.isNumber || character == "_" {
            word.append(character)
            advance()
        }
        switch word {
        case "true": emit(.true, from: start)
        case "false": emit(.false, from: start)
        case "none": emit(.none, from: start)
        case "for": emit(.for, from: start)
        case "end": emit(.end, from: start)
        case "_": emit(.resultReference(nil), from: start)
        default:
            let digits = word.dropFirst()
            if word.first == "_", !digits.isEmpty, digits.allSatisfy(\.isASCIINumber) {
                if let number = Int(digits) {
                    emit(.resultReference(number), from: start)
                } else {
                    emit(.invalid, from: start)
                    report("result number \(word) is too large", from: start)
                }
            } else {
                emit(.identifier(word), from: start)
            }
        }
    }

    private mutating func lexNumber() {
        let start = location
        var text = ""
        var isInteger = true
        func takeDigits(_ lexer: inout Lexer) {
            while let character = lexer.peek(), character.isASCIINumber || character == "_" {
                if character != "_" { text.append(character) }
                lexer.advance()
            }
        }
        takeDigits(&self)
        if peek() == ".", peek(1)?.isASCIINumber == true {
            isInteger = false
            text.append(".")
            advance()
            takeDigits(&self)
        }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1)
            let signed = sign == "+" || sign == "-"
            if (signed ? peek(2) : sign)?.isASCIINumber == true {
                isInteger = false
                text.append("e")
                advance()
                if signed {
                    text.append(peek()!)
                    advance()
                }
                takeDigits(&self)
            }
        }
        if let trailing = peek(), trailing.isLetter || trailing == "_" {
            while let character = peek(), character.isLetter || character.isNumber || character == "_" { advance() }
            emit(.invalid, from: start)
            report("a number cannot run into letters", from: start, hint: "put a space after the number")
            return
        }
        if isInteger, let value = Int(text) {
            emit(.integer(value), from: start)
        } else if let value = Double(text.hasPrefix(".") ? "0" + text : text) {
            emit(.number(value), from: start)
        } else {
            emit(.invalid, from: start)
            report("`\(text)` is not a number Chorus can hold", from: start)
        }
    }

    private mutating func lexString() {
        let start = location
        let quote = characters[position]
        if quote == "\"", peek(1) == "\"", peek(2) == "\"" {
            lexTripleQuotedString(from: start)
            return
        }
        advance()
        var value = ""
        while let character = peek() {
            if character == quote {
                advance()
                emit(.string(value), from: start)
                return
            }
            if character.isNewline { break }
            if character == "\\", quote == "\"" {
                guard readEscape(into: &value) else { continue }
            } else {
                value.append(character)
                advance()
            }
        }
        emit(.invalid, from: start)
        report(
            "this string has no closing \(quote)", from: start,
            hint: "close it on the same line, or use \"\"\"…\"\"\" for text over several lines")
    }

    private mutating func lexTripleQuotedString(from start: SourceLocation) {
        advance()
        advance()
        advance()
        finishTripleQuotedString(from: start)
    }

    /// Reads a `"""…"""` string's body and its closing quotes.
    private mutating func finishTripleQuotedString(from start: SourceLocation) {
        var value = ""
        while let character = peek() {
            if character == "\"", peek(1) == "\"", peek(2) == "\"" {
                advance()
                advance()
                advance()
                emit(.string(value), from: start)
                return
            }
            if character == "\\" {
                guard readEscape(into: &value) else { continue }
            } else {
                value.append(character)
                advance()
            }
        }
        isUnfinished = true
        endsInTripleQuotedString = true
        emit(.invalid, from: start)
        report("this string has no closing \"\"\"", from: start)
    }

    /// Reads `\n`, `\t`, `\"`, `\\`, `\u{…}` at the current `\`; returns false after reporting a bad one.
    private mutating func readEscape(into value: inout String) -> Bool {
        let escapeStart = location
        advance()
        guard let code = peek(), !code.isNewline else {
            report("a `\\` must be followed by an escape such as \\n", from: escapeStart)
            return false
        }
        advance()
        switch code {
        case "n": value.append("\n")
        case "t": value.append("\t")
        case "r": value.append("\r")
        case "\"": value.append("\"")
        case "'": value.append("'")
        case "\\": value.append("\\")
        case "0": value.append("\0")
        case "u" where peek() == "{":
            advance()
            var hex = ""
            while let digit = peek(), digit.isHexDigit {
                hex.append(digit)
                advance()
            }
            if peek() == "}", let scalarValue = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(scalarValue) {
                advance()
                value.append(Character(scalar))
            } else {
                report("`\\u{…}` needs a hexadecimal Unicode scalar, such as \\u{1F600}", from: escapeStart)
                return false
            }
        default:
            report(
                "unknown escape `\\\(code)`", from: escapeStart,
                hint: "write `\\\\` for a backslash, or use '…' quotes, which keep backslashes as they are")
            return false
        }
        return true
    }

    private mutating func lexSymbol(_ character: Character) {
        let start = location
        advance()
        let kind: Token.Kind
        switch character {
        case "=": kind = .equal
        case ":": kind = .colon
        case ",": kind = .comma
        case ".": kind = .dot
        case ";": kind = .semicolon
        case "+": kind = .plus
        case "-": kind = .minus
        case "*": kind = .star
        case "/": kind = .slash
        case "(", "[", "{":
            bracketStack.append(character)
            kind = character == "(" ? .leftParen : character == "[" ? .leftBracket : .leftBrace
        case ")", "]", "}":
            let opener: Character = character == ")" ? "(" : character == "]" ? "[" : "{"
            if bracketStack.last == opener {
                bracketStack.removeLast()
            } else if let open = bracketStack.popLast() {
                // Treat it as closing the open bracket, so later lines still end statements.
                report("`\(character)` does not match the open `\(open)`", from: start)
            }
            kind = character == ")" ? .rightParen : character == "]" ? .rightBracket : .rightBrace
        default:
            emit(.invalid, from: start)
            report("unexpected character `\(character)`", from: start)
            return
        }
        emit(kind, from: start)
    }
}

extension Character {
    fileprivate var isASCIINumber: Bool { isASCII && isNumber }
}
