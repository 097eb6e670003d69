/// Recursive-descent parser from tokens to ``Program``.
///
/// Grammar (see `docs/language.md`):
///
///     program    = { statement ( NEWLINE | ";" ) }
///     statement  = NAME "=" command | command
///     command    = NAME argument+ | expression
///     argument   = NAME ":" expression | expression
///     expression = term { ("+" | "-") term }
///     term       = unary { ("*" | "/") unary }
///     unary      = ("-" | "+") unary | postfix
///     postfix    = primary { "." NAME | "[" expression "]" }     (no space before "." or "[")
///     primary    = NUMBER | STRING | true | false | none | NAME | "_" | "_N"
///                | "[" [ expression { "," expression } ] "]"
///                | "{" [ key ":" expression { "," key ":" expression } ] "}"
///                | "(" command ")"
///
/// On an error the parser reports it, skips to the end of the statement, and
/// goes on with the next one (panic-mode recovery).
///
/// Brackets, signs and postfix `.name` / `[i]` nest at most ``maximumNesting`` levels, so that no
/// input can run the parser (or any later walk over the tree) out of stack; a flat chain of `+` or `*`
/// is one level however long it is.
public struct Parser: Sendable {
    /// How deep brackets, signs and postfix operators may nest in one statement.
    public static let maximumNesting = 256

    private let source: SourceFile
    private let tokens: [Token]
    private var position = 0
    private var nesting = 0

    /// Parses a whole source.
    public static func parse(_ source: SourceFile) -> Program {
        let lexed = Lexer.tokenize(source)
        var parser = Parser(source: source, tokens: lexed.tokens)
        return parser.parseProgram(lexerDiagnostics: lexed.diagnostics)
    }

    private init(source: SourceFile, tokens: [Token]) {
        self.source = source
        self.tokens = tokens
    }

    private struct Failure: Error {
        let diagnostic: Diagnostic
    }

    // MARK: - Statements

    private mutating func parseProgram(lexerDiagnostics: [Diagnostic]) -> Program {
        var items: [Program.Item] = []
        while true {
            skipSeparators()
            if current.kind == .endOfInput { break }
            let startToken = position
            let statementStart = current.range.start
            do {
                let statement = try parseStatement()
                try expectStatementEnd()
                items.append(.statement(statement))
            } catch let failure as Failure {
                items.append(.failure([failure.diagnostic]))
                skipToStatementEnd()
            } catch {
                items.append(.failure([Diagnostic(.error, "\(error)", source: source)]))
                skipToStatementEnd()
            }
            var parsed = true
            if case .failure = items.last { parsed = false }
            let habit = ForeignSyntax.diagnose(tokens[startToken..<position], in: source, parsed: parsed)
            let statementEnd = tokens[max(startToken, position - 1)].range.end
            let lexical = lexerDiagnostics.filter {
                guard let range = $0.range else { return false }
                return range.start >= statementStart && range.start < max(statementEnd, statementStart.advanced())
            }
            if !lexical.isEmpty {
                // A lexical error explains the statement better than the parse error it caused.
                items[items.count - 1] = .failure(lexical)
            }
            // A habit from another language explains it better still (`vote s k=3`: named arguments are `k: 3`).
            if let habit { items[items.count - 1] = .failure([habit]) }
        }
        return Program(source: source, items: items)
    }

    private mutating func parseStatement() throws -> Statement {
        nesting = 0
        let start = current.range.start
        if case .identifier(let name) = current.kind, peek(1).kind == .equal {
            let nameRange = current.range
            advance()
            advance()
            guard startsExpression(current) else {
                throw failure("expected a value after `=`", at: current.range)
            }
            let value = try parseCommand()
            return makeStatement(.assignment(name: name, nameRange: nameRange, value: value), from: start)
        }
        let expression = try parseCommand()
        if current.kind == .equal {
            throw failure(
                "only a name can be assigned to", at: expression.range,
                hint: "write `name = value`; names start with a letter")
        }
        return makeStatement(.expression(expression), from: start)
    }

    private func makeStatement(_ kind: Statement.Kind, from start: SourceLocation) -> Statement {
        let end = tokens[position - 1].range.end
        let range = SourceRange(start: start, end: end)
        return Statement(kind: kind, range: range, text: source.text(in: range))
    }

    private mutating func expectStatementEnd() throws {
        switch current.kind {
        case .newline, .semicolon, .endOfInput:
            return
        case .rightParen, .rightBracket, .rightBrace:
            throw failure("\(current.kind.displayName) has no matching opening bracket", at: current.range)
        default:
            throw failure(
                "expected the end of the statement, found \(current.kind.displayName)", at: current.range,
                hint: "put one statement on a line, or separate statements with `;`")
        }
    }

    private mutating func skipSeparators() {
        while current.kind == .newline || current.kind == .semicolon { advance() }
    }

    private mutating func skipToStatementEnd() {
        while current.kind != .newline, current.kind != .semicolon, current.kind != .endOfInput { advance() }
    }

    // MARK: - Commands and arguments

    /// A command call (`NAME argument+`) or a plain expression.
    private mutating func parseCommand() throws -> Expression {
        guard case .identifier(let name) = current.kind, startsArgument(peek(1)) else {
            return try parseExpression()
        }
        let nameRange = current.range
        advance()
        var arguments: [Argument] = []
        var seenLabels: [String: SourceRange] = [:]
        while startsArgument(current) {
            if case .identifier(let label) = current.kind, peek(1).kind == .colon {
                let labelRange = current.range
                if seenLabels[label] != nil {
                    throw failure("the argument `\(label):` is given twice", at: labelRange)
                }
                seenLabels[label] = labelRange
                advance()
                advance()
                guard startsExpression(current) else {
                    throw failure("expected a value after `\(label):`", at: current.range)
                }
                arguments.append(Argument(label: label, labelRange: labelRange, value: try parseExpression()))
            } else {
                arguments.append(Argument(value: try parseExpression()))
            }
        }
        let end = arguments.last?.range.end ?? nameRange.end
        let call = Call(name: name, nameRange: nameRange, arguments: arguments)
        return Expression(.call(call), range: SourceRange(start: nameRange.start, end: end))
    }

    private func startsArgument(_ token: Token) -> Bool {
        switch token.kind {
        case .minus, .plus: false  // `a - 1` is arithmetic, not a command `a` with argument `-1`
        case .leftBracket where !token.isPrecededBySpace: false  // `a[0]` indexes `a`
        default: startsExpression(token)
        }
    }

    private func startsExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .integer, .number, .string, .true, .false, .none, .resultReference,
            .leftParen, .leftBracket, .leftBrace, .minus, .plus:
            true
        default:
            false
        }
    }

    // MARK: - Expressions

    private mutating func parseExpression() throws -> Expression {
        let first = try parseTerm()
        var operations: [Expression.Operation] = []
        while let op = additiveOperator(current.kind) {
            advance()
            operations.append(Expression.Operation(op, try parseTerm()))
        }
        return chain(first, operations)
    }

    private mutating func parseTerm() throws -> Expression {
        let first = try parseUnary()
        var operations: [Expression.Operation] = []
        while current.kind == .star || current.kind == .slash {
            let op: Expression.BinaryOperator = current.kind == .star ? .multiply : .divide
            advance()
            operations.append(Expression.Operation(op, try parseUnary()))
        }
        return chain(first, operations)
    }

    private func chain(_ first: Expression, _ operations: [Expression.Operation]) -> Expression {
        guard let last = operations.last else { return first }
        return Expression(.chain(first, operations), range: first.range.union(last.operand.range))
    }

    /// Goes one level deeper at `range`; past ``maximumNesting``, an error there instead of a deeper stack.
    private mutating func enterNesting(at range: SourceRange) throws {
        nesting += 1
        guard nesting <= Self.maximumNesting else {
            throw failure(
                "nesting deeper than \(Self.maximumNesting) levels", at: range,
                hint: "split the expression into smaller ones, naming the parts with variables")
        }
    }

    private func additiveOperator(_ kind: Token.Kind) -> Expression.BinaryOperator? {
        switch kind {
        case .plus: .add
        case .minus: .subtract
        default: nil
        }
    }

    private mutating func parseUnary() throws -> Expression {
        if current.kind == .minus || current.kind == .plus {
            let op: Expression.UnaryOperator = current.kind == .minus ? .negate : .plus
            let start = current.range
            try enterNesting(at: start)
            defer { nesting -= 1 }
            advance()
            let operand = try parseUnary()
            return Expression(.unary(op, operand), range: start.union(operand.range))
        }
        return try parsePostfix()
    }

    private mutating func parsePostfix() throws -> Expression {
        var expression = try parsePrimary()
        // Each `.name` or `[i]` wraps the tree once more.
        var levels = 0
        defer { nesting -= levels }
        while !current.isPrecededBySpace, current.kind == .dot || current.kind == .leftBracket {
            try enterNesting(at: current.range)
            levels += 1
            if current.kind == .dot {
                advance()
                guard case .identifier(let name) = current.kind, !current.isPrecededBySpace else {
                    throw failure("expected a field name after `.`", at: current.range)
                }
                let nameRange = current.range
                advance()
                expression = Expression(
                    .member(expression, name: name, nameRange: nameRange),
                    range: expression.range.union(nameRange))
            } else {
                advance()
                let index = try parseExpression()
                let close = try expect(.rightBracket, "to close the index")
                expression = Expression(.index(expression, index), range: expression.range.union(close))
            }
        }
        return expression
    }

    private mutating func parsePrimary() throws -> Expression {
        let token = current
        switch token.kind {
        case .integer(let value):
            advance()
            return Expression(.integer(value), range: token.range)
        case .number(let value):
            advance()
            return Expression(.number(value), range: token.range)
        case .string(let value):
            advance()
            return Expression(.string(value), range: token.range)
        case .true, .false:
            advance()
            return Expression(.bool(token.kind == .true), range: token.range)
        case .none:
            advance()
            return Expression(.none, range: token.range)
        case .identifier(let name):
            advance()
            return Expression(.name(name), range: token.range)
        case .resultReference(let number):
            advance()
            return Expression(.resultReference(number), range: token.range)
        case .leftParen:
            try enterNesting(at: token.range)
            defer { nesting -= 1 }
            advance()
            skipNewlines()
            let inner = try parseCommand()
            skipNewlines()
            let close = try expect(.rightParen, "to close the `(`")
            return Expression(inner.kind, range: token.range.union(close))
        case .leftBracket:
            return try parseList()
        case .leftBrace:
            return try parseRecord()
        case .endOfInput, .newline, .semicolon:
            throw failure("expected a value, found \(token.kind.displayName)", at: token.range)
        default:
            throw failure("expected a value, found \(token.kind.displayName)", at: token.range)
        }
    }

    private mutating func parseList() throws -> Expression {
        let open = current.range
        try enterNesting(at: open)
        defer { nesting -= 1 }
        advance()
        var elements: [Expression] = []
        while current.kind != .rightBracket {
            elements.append(try parseCommand())
            guard current.kind == .comma else { break }
            advance()
        }
        let close = try expect(.rightBracket, "to close the list")
        return Expression(.list(elements), range: open.union(close))
    }

    private mutating func parseRecord() throws -> Expression {
        let open = current.range
        try enterNesting(at: open)
        defer { nesting -= 1 }
        advance()
        var fields: [RecordField] = []
        var seen: Set<String> = []
        while current.kind != .rightBrace {
            let key: String
            switch current.kind {
            case .identifier(let name): key = name
            case .string(let text): key = text
            default:
                throw failure(
                    "expected a field name, found \(current.kind.displayName)", at: current.range,
                    hint: "records are written {name: value, other: value}")
            }
            let keyRange = current.range
            guard seen.insert(key).inserted else {
                throw failure("the field `\(key)` is given twice", at: keyRange)
            }
            advance()
            _ = try expect(.colon, "after the field name `\(key)`")
            fields.append(RecordField(key: key, keyRange: keyRange, value: try parseCommand()))
            guard current.kind == .comma else { break }
            advance()
        }
        let close = try expect(.rightBrace, "to close the record")
        return Expression(.record(fields), range: open.union(close))
    }

    // MARK: - Tokens

    private var current: Token { tokens[position] }

    private func peek(_ ahead: Int) -> Token {
        tokens[min(position + ahead, tokens.count - 1)]
    }

    private mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    private mutating func skipNewlines() {
        while current.kind == .newline { advance() }
    }

    private mutating func expect(_ kind: Token.Kind, _ purpose: String) throws -> SourceRange {
        guard current.kind == kind else {
            throw failure(
                "expected \(kind.displayName) \(purpose), found \(current.kind.displayName)", at: current.range)
        }
        let range = current.range
        advance()
        return range
    }

    private func failure(_ message: String, at range: SourceRange, hint: String? = nil) -> Failure {
        Failure(diagnostic: Diagnostic(.error, message, source: source, range: range, hint: hint))
    }
}

extension SourceLocation {
    /// The next character's location on the same line.
    fileprivate func advanced() -> SourceLocation {
        SourceLocation(offset: offset + 1, line: line, column: column + 1)
    }
}
