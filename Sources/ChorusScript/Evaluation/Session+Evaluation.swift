import ChorusEngine

/// How one statement ended.
enum StatementOutcome: Equatable {
    case succeeded
    case failed
    case internalError
    case interrupted

    /// The outcome as a cell records it.
    var cellOutcome: SessionCell.Outcome {
        switch self {
        case .succeeded: .succeeded
        case .failed: .failed
        case .internalError: .internalError
        case .interrupted: .interrupted
        }
    }
}

extension Session {
    /// Says once per run that Ctrl-C stopped it, whether it came during a statement or between two.
    func reportInterrupt() {
        guard !interruptReported else { return }
        output.writeError("stopped: interrupted; the session and its variables are kept\n")
        interruptReported = true
    }

    /// Runs one statement, reports its problems, and records it when it succeeds.
    func run(_ statement: Statement, in source: SourceFile, recorded: Bool) async -> StatementOutcome {
        let started = clock.now()
        let wasTimerOn = isTimerOn
        defer {
            // `timer on` and `timer off` themselves are not timed.
            if wasTimerOn, isTimerOn {
                let elapsed = NumberFormatting.duration(seconds: clock.now() - started)
                let line = "time: \(elapsed)"
                output.writeError((output.usesColour ? ANSIStyle.dim.apply(to: line) : line) + "\n")
            }
        }
        do {
            try Task.checkCancellation()
            let value = try await perform(statement, in: source)
            if recorded, isRecordedCommand(statement) {
                record(value, text: createdFiles.replayText(of: statement, in: source))
            }
            return .succeeded
        } catch is CancellationError {
            reportInterrupt()
            return .interrupted
        } catch {
            // The one place a statement's error reaches the screen: a user error as a diagnostic,
            // anything else as the bug in Chorus it is.
            if let diagnostic = UserErrors.diagnostic(for: error, source: source, range: statement.range) {
                emit(diagnostic)
                return .failed
            }
            let message = (error as? InternalError)?.message ?? String(describing: error)
            output.writeError("internal error: \(message)\n(this is a bug in Chorus, not in your script)\n")
            return .internalError
        }
    }

    /// Does what a statement says (assigns, or shows its value) and gives its value; errors propagate.
    func perform(_ statement: Statement, in source: SourceFile) async throws -> Value {
        switch statement.kind {
        case .assignment(let name, let nameRange, let expression):
            try checkVariableName(name, at: nameRange, in: source)
            let value = try await evaluate(expression, in: source)
            assign(name, value)
            return value
        case .expression(let expression):
            let value = try await evaluate(expression, in: source)
            if !value.isNone { output.emit(value.outputParts) }
            return value
        case .loop(let loop):
            return try await run(loop, in: source, within: [])
        }
    }

    /// Refuses a command's name as a variable's.
    func checkVariableName(_ name: String, at range: SourceRange, in source: SourceFile) throws {
        guard registry.command(named: name) != nil else { return }
        throw Diagnostic(
            .error, "`\(name)` is a command and cannot name a variable", source: source, range: range,
            hint: "choose another name, such as `\(name)_result`")
    }

    /// Whether a statement belongs in the transcript: everything except calls of session-only commands.
    func isRecordedCommand(_ statement: Statement) -> Bool {
        guard case .expression(let expression) = statement.kind else { return true }
        let name: String
        switch expression.kind {
        case .call(let call): name = call.name
        case .name(let word) where variables[word] == nil: name = word
        default: return true
        }
        return registry.command(named: name)?.signature.isRecorded ?? true
    }

    // MARK: - Expressions

    /// Computes an expression's value.
    func evaluate(_ expression: Expression, in source: SourceFile) async throws -> Value {
        func fail(_ message: String, _ range: SourceRange? = nil, hint: String? = nil) -> Diagnostic {
            Diagnostic(.error, message, source: source, range: range ?? expression.range, hint: hint)
        }
        switch expression.kind {
        case .integer(let value): return .int(value)
        case .number(let value): return .double(value)
        case .string(let value): return .string(value)
        case .bool(let value): return .bool(value)
        case .none: return .none
        case .name(let name):
            if let value = variables[name] { return value }
            if registry.command(named: name) != nil {
                return try await call(
                    Call(name: name, nameRange: expression.range, arguments: []),
                    range: expression.range, in: source)
            }
            throw fail("no variable or command is named `\(name)`", hint: suggestion(for: name))
        case .resultReference(let number):
            return try result(number, at: expression.range, in: source)
        case .list(let elements):
            var values: [Value] = []
            for element in elements { values.append(try await evaluate(element, in: source)) }
            return try nested(.list(values), at: expression.range, in: source)
        case .record(let fields):
            var values: [(key: String, value: Value)] = []
            for field in fields { values.append((field.key, try await evaluate(field.value, in: source))) }
            return try nested(.record(Record(values)), at: expression.range, in: source)
        case .member(let base, let name, let nameRange):
            let value = try await evaluate(base, in: source)
            return try member(name, of: value, at: nameRange, in: source)
        case .index(let base, let indexExpression):
            let value = try await evaluate(base, in: source)
            let index = try await evaluate(indexExpression, in: source)
            return try subscripted(value, by: index, at: indexExpression.range, in: source)
        case .unary(let op, let operandExpression):
            let operand = try await evaluate(operandExpression, in: source)
            switch (op, operand) {
            case (.plus, .int), (.plus, .double): return operand
            case (.negate, .int(let value)):
                guard value != Int.min else { throw fail("the result of `-` is too large for an int") }
                return .int(-value)
            case (.negate, .double(let value)): return .double(-value)
            default: throw fail("cannot apply `\(op.rawValue)` to \(operand.typeName)")
            }
        case .chain(let first, let operations):
            // Left to right in a loop: a chain of 90,000 terms is one level of the tree.
            var value = try await evaluate(first, in: source)
            for (position, operation) in operations.enumerated() {
                let right = try await evaluate(operation.operand, in: source)
                // An error covers the chain so far; the whole expression (parentheses too) at its last step.
                let range =
                    position == operations.count - 1 ? expression.range : first.range.union(operation.operand.range)
                try Arithmetic.apply(into: &value, operation.op, right) { fail($0, range) }
            }
            return value
        case .call(let call):
            return try await self.call(call, range: expression.range, in: source)
        }
    }

    /// A list or record built from values, refused when it nests deeper than a script may write:
    /// `x = [x]` run again and again would otherwise build a value whose rendering, comparison and
    /// freeing recurse past the stack.
    private func nested(_ value: Value, at range: SourceRange, in source: SourceFile) throws -> Value {
        let limit = Parser.maximumNesting
        guard value.nestingDepth(upTo: limit + 1) > limit else { return value }
        throw Diagnostic(
            .error, "this value would nest more than \(limit) lists and records deep", source: source, range: range,
            hint: "a value holds lists and records at most \(limit) levels deep; keep results in a flat list")
    }

    private func call(_ call: Call, range: SourceRange, in source: SourceFile) async throws -> Value {
        guard let command = registry.command(named: call.name) else {
            if variables[call.name] != nil {
                throw Diagnostic(
                    .error, "`\(call.name)` is a variable, not a command", source: source, range: call.nameRange,
                    hint: "to show it, write `\(call.name)` alone; to pass it to a command, put the command first")
            }
            throw Diagnostic(
                .error, "unknown command `\(call.name)`", source: source, range: call.nameRange,
                hint: suggestion(for: call.name) ?? "type `help` to list the commands")
        }
        try Task.checkCancellation()
        let binder = ArgumentBinder(signature: command.signature, call: call, callRange: range, source: source) {
            try await self.evaluate($0, in: source)
        }
        let bound = try await binder.bind()
        let invocation = Invocation(
            signature: command.signature, arguments: bound.values, argumentRanges: bound.ranges, range: range,
            source: source, session: self, itemNames: bound.itemNames)
        do {
            return try await command.run(invocation)
        } catch {
            // Located here, where the call's argument ranges are known.
            throw UserErrors.diagnostic(for: error, source: source, range: range, argumentRanges: bound.ranges) ?? error
        }
    }

    private func result(_ number: Int?, at range: SourceRange, in source: SourceFile) throws -> Value {
        guard let number else {
            if let lastResult { return lastResult }
            throw Diagnostic(.error, "there is no result yet for `_` to refer to", source: source, range: range)
        }
        guard number >= 1, number <= results.count else {
            let known = results.isEmpty ? "there are no results yet" : "results so far are _1 … _\(results.count)"
            throw Diagnostic(.error, "there is no result `_\(number)`", source: source, range: range, hint: known)
        }
        return results[number - 1]
    }

    private func member(_ name: String, of value: Value, at range: SourceRange, in source: SourceFile) throws -> Value {
        switch value {
        case .record(let record): if let field = record[name] { return field }
        case .object(let object): if let field = object.member(name) { return field }
        case .list(let items): if name == "count" { return .int(items.count) }
        case .string(let text): if name == "count" { return .int(text.count) }
        default: break
        }
        let fields = value.memberNames
        let hint: String?
        if let close = Suggestions.closest(to: name, among: fields) {
            hint = "did you mean `.\(close)`?"
        } else if fields.isEmpty {
            hint = nil
        } else {
            hint = "its fields are " + fields.map { "`\($0)`" }.joined(separator: ", ")
        }
        throw Diagnostic(.error, "\(value.typeName) has no field `\(name)`", source: source, range: range, hint: hint)
    }

    private func subscripted(
        _ value: Value, by index: Value, at range: SourceRange, in source: SourceFile
    ) throws
        -> Value
    {
        do {
            return try Subscript.element(of: value, at: index)
        } catch {
            throw Diagnostic(.error, error.message, source: source, range: range, hint: error.hint)
        }
    }

    private func suggestion(for name: String) -> String? {
        Suggestions.closest(to: name, among: registry.names + variableOrder).map { "did you mean `\($0)`?" }
    }
}
