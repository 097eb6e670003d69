/// Recursive-descent parser from tokens to ``Program``.
///
/// Grammar (see `docs/language.md`):
///
///     program    = { statement ( NEWLINE | ";" ) }
///     statement  = [ NAME "=" ] loop | NAME "=" command | command
///     loop       = "for" NAME "in" command ( NEWLINE | ";" ) { statement ( NEWLINE | ";" ) } "end"
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
/// On an error the parser reports it, skips to the end of the statement (past the `end` of
/// every loop the statement opened), and goes on with the next one (panic-mode recovery).
///
/// Brackets, signs, postfix `.name` / `[i]` and loops nest at most ``maximumNesting`` levels, so that no
/// input can run the parser (or any later walk over the tree) out of stack; a flat chain of `+` or `*`
/// is one level however long it is.
public struct Parser: Sendable {
    /// How deep brackets, signs, postfix operators and loops may nest in one statement.
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
                nesting = 0
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
        let start = current.range.start
        switch current.kind {
        case .for:
            // Parsed before `makeStatement` reads the position it ends at.
            let loop = try parseLoop(assignedTo: nil, at: nil)
            return makeStatement(.loop(loop), from: start)
        case .end:
            throw failure(
                "`end` has no `for` to close", at: current.range,
                hint: "each `for NAME in …` line opens a body that one `end` closes")
        default:
            break
        }
        if case .identifier(let name) = current.kind, peek(1).kind == .equal {
            let nameRange = current.range
            advance()
            advance()
            if current.kind == .for {
                let loop = try parseLoop(assignedTo: name, at: nameRange)
                return makeStatement(.loop(loop), from: start)
            }
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

    /// Skips to the end of a failed statement: the first `;` or newline outside every loop (as the lexer counts them).
    private mutating func skipToStatementEnd() {
        while current.kind != .endOfInput {
            if current.kind == .newline || current.kind == .semicolon, current.loopDepth == 0 { return }
            advance()
        }
    }

    // MARK: - Loops

    /// `for NAME in values`, then statements up to `end`; each loop is one level of nesting, so loops
    /// nested past ``maximumNesting`` fail here rather than deepen the stack.
    private mutating func parseLoop(assignedTo target: String?, at targetRange: SourceRange?) throws -> Loop {
        let forRange = current.range
        try enterNesting(at: forRange)
        defer { nesting -= 1 }
        advance()
        guard case .identifier(let variable) = current.kind else {
            throw failure(
                "expected the loop variable's name after `for`, found \(current.kind.displayName)", at: current.range,
                hint: "for k in [1, 2, 4]")
        }
        let variableRange = current.range
        advance()
        guard current.kind == .identifier("in") else {
            throw failure(
                "expected `in` after `for \(variable)`, found \(current.kind.displayName)", at: current.range,
                hint: "write `for \(variable) in [1, 2, 4]`")
        }
        advance()
        guard startsExpression(current) else {
            throw failure(
                "expected the values to go over after `in`, found \(current.kind.displayName)", at: current.range,
                hint: "write `for \(variable) in [1, 2, 4]`")
        }
        let sequence = try parseCommand()
        if case .list(let items) = sequence.kind, items.isEmpty {
            throw failure(
                "the loop goes over an empty list, so its body would never run", at: sequence.range,
                hint: "give the values to go over: `for \(variable) in [1, 2, 4]`")
        }
        let headerRange = forRange.union(sequence.range)
        switch current.kind {
        case .newline, .semicolon:
            break
        case .colon:
            throw failure(
                "a `for` line ends after its values, with no `:`", at: current.range,
                hint: "write the body on the next lines and close it with `end`; indentation does not matter")
        case .endOfInput:
            throw unclosedLoop(at: headerRange)
        default:
            throw failure(
                "expected the end of the line after the values, found \(current.kind.displayName)", at: current.range,
                hint: "the body goes on the next lines (or after `;`), closed by `end`")
        }
        var body: [Statement] = []
        while true {
            skipSeparators()
            switch current.kind {
            case .end:
                guard !body.isEmpty else {
                    throw failure(
                        "this loop's body is empty", at: headerRange,
                        hint: "put the statements to run for each value between the `for` line and `end`")
                }
                advance()
                return Loop(
                    target: target, targetRange: targetRange, variable: variable, variableRange: variableRange,
                    sequence: sequence, body: body, headerRange: headerRange)
            case .endOfInput:
                throw unclosedLoop(at: headerRange)
            default:
                body.append(try parseStatement())
                try expectStatementEnd()
            }
        }
    }

    private func unclosedLoop(at range: SourceRange) -> Failure {
        failure("this `for` has no `end`", at: range, hint: "close the loop's body with `end` on a line of its own")
    }

    // MARK: - Commands and arguments

    /// A command call (`NAME argument+`) or a plain expression.
    private mutating func parseCommand() throws -> Expression {
        guard case .identifier(let name) = current.kind, startsArgument(1) else {
            return try parseExpression()
        }
        let nameRange = current.range
        advance()
        var arguments: [Argument] = []
        var seenLabels: [String: SourceRange] = [:]
        while startsArgument(0) {
            if let word = current.kind.keyword {
                // `help for`: a keyword that ends the statement is a bare word.
                arguments.append(Argument(value: Expression(.name(word), range: current.range)))
                advance()
                continue
            }
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

    /// Whether the token `ahead` of the current one begins an argument.
    private func startsArgument(_ ahead: Int) -> Bool {
        let token = peek(ahead)
        return switch token.kind {
        case .for, .end: [.newline, .semicolon, .endOfInput].contains(peek(ahead + 1).kind)
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
