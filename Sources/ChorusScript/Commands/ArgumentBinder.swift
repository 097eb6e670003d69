/// Matches a call's arguments to a command's parameters and checks their types.
struct ArgumentBinder: Sendable {
    let signature: CommandSignature
    let call: Call
    let callRange: SourceRange
    let source: SourceFile
    /// Evaluates an argument expression in the session.
    let evaluate: @Sendable (Expression) async throws -> Value

    /// The bound values, where each was written, and the variable each variadic item was written
    /// as (nil for any other expression).
    func bind() async throws -> (values: [String: Value], ranges: [String: SourceRange], itemNames: [String?]) {
        var values: [String: Value] = [:]
        var ranges: [String: SourceRange] = [:]
        let positional = signature.parameters.filter(\.isPositional)
        var nextPositional = 0
        var variadicItems: [Value] = []
        var variadicRange: SourceRange?
        var itemNames: [String?] = []
        var givenOrder: [String] = []

        for argument in call.arguments {
            if let label = argument.label {
                guard let parameter = signature.parameter(named: label) else {
                    throw unknownArgument(label, at: argument.labelRange ?? argument.range)
                }
                guard values[label] == nil, !(parameter.isVariadic && variadicRange != nil) else {
                    throw diagnostic("`\(label)` is already given by position", at: argument.range)
                }
                if parameter.isVariadic {
                    let items = try await variadicValues(argument.value, for: parameter, named: true)
                    for item in items { try checkConstraint(item, of: parameter, at: argument.range) }
                    values[label] = .list(items)
                } else {
                    values[label] = try await check(argument.value, against: parameter)
                    try checkConstraint(values[label] ?? .none, of: parameter, at: argument.range)
                }
                ranges[label] = argument.range
                givenOrder.append(label)
                continue
            }
            while nextPositional < positional.count, !positional[nextPositional].isVariadic,
                values[positional[nextPositional].name] != nil
            {
                nextPositional += 1
            }
            guard nextPositional < positional.count else {
                throw tooManyArguments(at: argument.range)
            }
            let parameter = positional[nextPositional]
            if parameter.isVariadic, values[parameter.name] != nil {
                throw diagnostic("`\(parameter.name)` is already given by name", at: argument.range)
            }
            if parameter.isVariadic {
                let spread = try await variadicValues(argument.value, for: parameter, named: false)
                for value in spread {
                    try checkConstraint(value, of: parameter, at: argument.range)
                    variadicItems.append(value)
                }
                // A variable names its item; the items of a list it holds are named by their index.
                if case .name(let name) = argument.value.kind {
                    itemNames += spread.count == 1 ? [name] : spread.indices.map { "\(name)[\($0)]" }
                } else {
                    itemNames += Array(repeating: nil, count: spread.count)
                }
                variadicRange = variadicRange.map { $0.union(argument.range) } ?? argument.range
            } else {
                let value = try await check(argument.value, against: parameter)
                try checkConstraint(value, of: parameter, at: argument.range)
                values[parameter.name] = value
                ranges[parameter.name] = argument.range
                givenOrder.append(parameter.name)
                nextPositional += 1
            }
        }
        for parameter in signature.parameters where parameter.isVariadic {
            if let variadicRange {
                values[parameter.name] = .list(variadicItems)
                ranges[parameter.name] = variadicRange
            }
        }
        try checkVariant(values: values, ranges: ranges, givenOrder: givenOrder)
        for parameter in signature.parameters where values[parameter.name] == nil {
            guard let defaultValue = parameter.defaultValue else {
                throw Diagnostic(
                    .error, "`\(signature.name)` needs its argument `\(parameter.name)` (\(parameter.summary))",
                    source: source, range: callRange, hint: "usage: \(signature.usage)")
            }
            values[parameter.name] = defaultValue
        }
        return (values, ranges, itemNames)
    }

    /// Evaluates one argument and checks it against the parameter's type.
    private func check(_ expression: Expression, against parameter: Parameter) async throws -> Value {
        switch parameter.type {
        case .choice, .commandName:
            // Words are written bare: `timer on`, `help sample`.
            if case .name(let word) = expression.kind {
                return try checkWord(word, for: parameter, at: expression.range)
            }
        default:
            break
        }
        let value = try await evaluate(expression)
        return try conform(value, to: parameter.type, parameter: parameter, at: expression.range)
    }

    /// The values one argument gives a variadic parameter: itself, or each item of a list given by name
    /// (`print values: [1, 2]`) or given where engine objects are expected (the results a loop collected).
    private func variadicValues(
        _ expression: Expression, for parameter: Parameter, named: Bool
    ) async throws
        -> [Value]
    {
        var spreads = named
        if case .objects = parameter.type { spreads = true }
        switch (expression.kind, parameter.type) {
        case (.name, .choice), (.name, .commandName): spreads = false  // a bare word is one value
        default: break
        }
        guard spreads else { return [try await check(expression, against: parameter)] }
        let value = try await evaluate(expression)
        guard case .list(let items) = value else {
            return [try conform(value, to: parameter.type, parameter: parameter, at: expression.range)]
        }
        return try items.enumerated().map { position, item in
            do {
                return try conform(item, to: parameter.type, parameter: parameter, at: expression.range)
            } catch {
                throw diagnostic(
                    "`\(parameter.name)` takes \(expectation(parameter.type)); item \(position) of this list is "
                        + article(item.typeName),
                    at: expression.range, hint: "usage: \(signature.usage)")
            }
        }
    }

    /// Refuses a value outside the parameter's declared constraint, pointing at the whole argument.
    private func checkConstraint(_ value: Value, of parameter: Parameter, at range: SourceRange) throws {
        guard let constraint = parameter.constraint, let outside = constraint.violation(in: value) else { return }
        throw diagnostic(
            "`\(parameter.name)` must be \(constraint.phrase), not \(outside.literal)", at: range, hint: constraint.hint
        )
    }

    /// Refuses an argument that the chosen sub-command (`train aggregator`) does not take.
    private func checkVariant(values: [String: Value], ranges: [String: SourceRange], givenOrder: [String]) throws {
        guard let variants = signature.variants, case .string(let word) = values[variants.selector],
            let allowed = variants.parameters(of: word)
        else { return }
        for name in givenOrder where name != variants.selector && !allowed.contains(name) {
            let takers = variants.variants.filter { $0.parameters.contains(name) }.map {
                "`\(signature.name) \($0.word)`"
            }
            throw diagnostic(
                "`\(name)` does not apply to `\(signature.name) \(word)`", at: ranges[name] ?? callRange,
                hint: "`\(signature.name) \(word)` takes " + allowed.joined(separator: ", ")
                    + (takers.isEmpty ? "" : "; `\(name)` is for " + takers.joined(separator: " and ")))
        }
    }

    private func checkWord(_ word: String, for parameter: Parameter, at range: SourceRange) throws -> Value {
        if case .choice(let words) = parameter.type, !words.contains(word) {
            let suggestion = Suggestions.closest(to: word, among: words)
            throw diagnostic(
                "`\(word)` is not one of \(words.map { "`\($0)`" }.joined(separator: ", "))", at: range,
                hint: suggestion.map { "did you mean `\($0)`?" })
        }
        return .string(word)
    }

    private func conform(
        _ value: Value, to type: ParameterType, parameter: Parameter, at range: SourceRange
    )
        throws -> Value
    {
        if value.isNone, parameter.defaultValue?.isNone == true {
            return value  // `none` stands for "left out" wherever that is the default
        }
        switch (type, value) {
        case (.any, _), (.bool, .bool), (.int, .int), (.number, .int), (.number, .double),
            (.string, .string), (.path, .string), (.record, .record), (.commandName, .string):
            return value
        case (.int, .double(let number)) where number.rounded() == number && abs(number) < 9e15:
            return .int(Int(number))
        case (.choice, .string(let word)):
            return try checkWord(word, for: parameter, at: range)
        case (.list(let itemType), .list(let items)):
            return .list(try items.map { try conform($0, to: itemType, parameter: parameter, at: range) })
        case (.objects(let types), .object(let object)) where types.contains(where: { $0.matches(object) }):
            return value
        default:
            throw diagnostic(
                "`\(parameter.name)` takes \(expectation(type)), not \(article(value.typeName))"
                    + (value.isNone ? "" : " (\(value.summary))"),
                at: range, hint: "usage: \(signature.usage)")
        }
    }

    private func unknownArgument(_ label: String, at range: SourceRange) -> Diagnostic {
        let names = signature.parameters.map(\.name)
        let hint: String
        if let suggestion = Suggestions.closest(to: label, among: names) {
            hint = "did you mean `\(suggestion):`?"
        } else if names.isEmpty {
            hint = "`\(signature.name)` takes no arguments"
        } else {
            hint = "`\(signature.name)` takes " + names.map { "`\($0)`" }.joined(separator: ", ")
        }
        return diagnostic("`\(signature.name)` has no argument `\(label)`", at: range, hint: hint)
    }

    private func tooManyArguments(at range: SourceRange) -> Diagnostic {
        let count = signature.parameters.filter(\.isPositional).count
        let message =
            count == 0
            ? "`\(signature.name)` takes no positional arguments"
            : "`\(signature.name)` takes at most \(count) positional argument\(count == 1 ? "" : "s")"
        // Other languages pass options by position (`vote s 3`); Chorus names them.
        let named = signature.parameters.first { !$0.isPositional }
        return diagnostic(
            message, at: range,
            hint: named.map { "named arguments are written `\($0.name): value`; usage: \(signature.usage)" }
                ?? "usage: \(signature.usage)")
    }

    private func diagnostic(_ message: String, at range: SourceRange, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, source: source, range: range, hint: hint)
    }

    private func expectation(_ type: ParameterType) -> String {
        if case .choice(let words) = type { return "one of " + words.map { "`\($0)`" }.joined(separator: ", ") }
        return article(type.displayName)
    }

    private func article(_ noun: String) -> String {
        if noun == "none" { return noun }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        return (noun.first.map { vowels.contains($0) } == true ? "an " : "a ") + noun
    }
}
