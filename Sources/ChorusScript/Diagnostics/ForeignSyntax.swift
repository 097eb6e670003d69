/// Habits from other languages that a Chorus statement shows, told as one error with the statement
/// rewritten: `vote s k=3`, `vote(s, k=3)`, `vote s --k 3`, `vote s, k: 3` and `model local:qwen…`.
///
/// The parser's own message for these (`only a name can be assigned to`, `expected the end of the
/// statement, found ,`) is right about the grammar and no help to someone who typed Python or a
/// shell: this says what Chorus writes instead. The rules read tokens only, so a statement that
/// parses is left alone except for the two habits that parse into something else (`--k 3` is
/// arithmetic, `local:qwen` a label).
enum ForeignSyntax {
    /// The schemes of a model spec, which is a string: `model "local:qwen2.5-1.5b-instruct"`.
    static let modelSchemes: Set<String> = ["local", "openai", "replay"]

    /// One habit found in a statement: the first one decides the message.
    private enum Habit {
        case unquotedModel(scheme: String)
        case dashedOption(name: String)
        case parenthesisedCall(command: String)
        case equalsArgument(name: String)
        case commas
    }

    /// A diagnostic that replaces the statement's outcome, or nil when no habit shows; `parsed` is
    /// whether the statement parsed.
    static func diagnose(_ tokens: ArraySlice<Token>, in source: SourceFile, parsed: Bool) -> Diagnostic? {
        var rewrite = Rewrite(source: source)
        var found: (habit: Habit, range: SourceRange)?
        func note(_ habit: Habit, _ range: SourceRange) {
            if found == nil { found = (habit, range) }
        }
        // The open brackets. A call's own parentheses (`vote(…)`) count as the top level of its
        // arguments; a nested call's (`compare(s, vote(s, k=2))`) close the `(vote s k: 2)` they become.
        var open: [(transparent: Bool, closes: Bool)] = []
        var statementStart = tokens.startIndex
        var index = tokens.startIndex
        while index < tokens.endIndex {
            let token = tokens[index]
            let next = index + 1 < tokens.endIndex ? tokens[index + 1] : nil
            let atTop = open.allSatisfy(\.transparent)
            switch token.kind {
            case .newline, .semicolon:
                if atTop { statementStart = index + 1 }
                rewrite.keep(token)
            case .identifier(let name)
            where modelSchemes.contains(name) && next?.kind == .colon && next?.isPrecededBySpace == false
                && index + 2 < tokens.endIndex && !tokens[index + 2].isPrecededBySpace
                && tokens[index + 2].kind != .newline:
                // The spec runs on while tokens touch: `local:qwen2.5-1.5b-instruct`.
                var end = index + 2
                while end + 1 < tokens.endIndex, !tokens[end + 1].isPrecededBySpace,
                    ![.newline, .endOfInput, .semicolon].contains(tokens[end + 1].kind)
                {
                    end += 1
                }
                let range = token.range.union(tokens[end].range)
                note(.unquotedModel(scheme: name), range)
                rewrite.add("\"" + source.text(in: range) + "\"", spaced: token.isPrecededBySpace)
                index = end + 1
                continue
            case .minus
            where next?.kind == .minus && next?.isPrecededBySpace == false
                && optionName(at: index + 2, in: tokens) != nil:
                let name = optionName(at: index + 2, in: tokens)!
                note(.dashedOption(name: name), token.range.union(tokens[index + 2].range))
                rewrite.add(name + ":", spaced: true)
                rewrite.pendingSpace = true
                index += 3
                // `--k=3` as well as `--k 3`.
                if index < tokens.endIndex, tokens[index].kind == .equal, !tokens[index].isPrecededBySpace {
                    index += 1
                }
                continue
            case .identifier(let name)
            where !parsed && next?.kind == .leftParen && next?.isPrecededBySpace == false
                && hasCommaOrEqual(afterParenthesisAt: index + 1, in: tokens):
                note(.parenthesisedCall(command: name), token.range.union(next!.range))
                let isCommand = atTop && isCommandPosition(index, from: statementStart, in: tokens)
                if !isCommand { rewrite.add("(", spaced: token.isPrecededBySpace) }
                rewrite.add(name, spaced: token.isPrecededBySpace && isCommand)
                rewrite.pendingSpace = true
                open.append((true, !isCommand))
                index += 2
                continue
            case .identifier(let name)
            where !parsed && atTop && next?.kind == .equal && isArgumentName(index, from: statementStart, in: tokens):
                note(.equalsArgument(name: name), token.range.union(next!.range))
                rewrite.add(name + ":", spaced: token.isPrecededBySpace)
                rewrite.pendingSpace = true
                index += 2
                continue
            case .comma where !parsed && atTop:
                note(.commas, token.range)
                rewrite.pendingSpace = true
            case .leftParen, .leftBracket, .leftBrace:
                open.append((false, true))
                rewrite.keep(token)
            case .rightParen, .rightBracket, .rightBrace:
                if open.popLast()?.closes != false { rewrite.keep(token) }
            case .endOfInput:
                break
            default:
                rewrite.keep(token)
            }
            index += 1
        }
        guard let found else { return nil }
        let (message, advice) = words(for: found.habit)
        return Diagnostic(
            .error, message, source: source, range: found.range,
            hint: advice + ": `" + rewrite.text + "`")
    }

    /// The message and the start of the hint for a habit.
    private static func words(for habit: Habit) -> (String, String) {
        switch habit {
        case .unquotedModel(let scheme):
            ("a model is named by a string: `\(scheme):…` goes in quotes", "write")
        case .dashedOption(let name):
            ("`--\(name)` is a command-line option; named arguments are written `\(name): value`", "write")
        case .parenthesisedCall(let command):
            ("`\(command)` is not called with parentheses and commas", "arguments follow the name, separated by spaces")
        case .equalsArgument(let name):
            ("`=` assigns a variable; named arguments are written `\(name): value`", "write")
        case .commas:
            ("arguments are separated by spaces, not commas", "write")
        }
    }

    /// Whether the identifier at `index` stands where an argument does: after a command and at least
    /// one argument (`vote s k=3`), not a statement's name (`x = …`) nor a field (`x.y = 2`).
    private static func isArgumentName(_ index: Int, from start: Int, in tokens: ArraySlice<Token>) -> Bool {
        let command = isCommandPosition(start + 2, from: start, in: tokens) ? start + 2 : start
        return index > command + 1 && tokens[index - 1].kind != .dot
    }

    /// The name in `--name`: an identifier right after the dashes.
    private static func optionName(at index: Int, in tokens: ArraySlice<Token>) -> String? {
        guard index < tokens.endIndex, !tokens[index].isPrecededBySpace,
            case .identifier(let name) = tokens[index].kind
        else { return nil }
        return name
    }

    /// Whether the identifier at `index` starts a command: the statement's first token, or the first
    /// after `name =`.
    private static func isCommandPosition(_ index: Int, from start: Int, in tokens: ArraySlice<Token>) -> Bool {
        if index == start { return true }
        guard index == start + 2, index < tokens.endIndex, case .identifier = tokens[start].kind else { return false }
        return tokens[start + 1].kind == .equal
    }

    /// Whether the parentheses opening at `open` hold a `,` or `=` of their own (not a nested bracket's).
    private static func hasCommaOrEqual(afterParenthesisAt open: Int, in tokens: ArraySlice<Token>) -> Bool {
        var depth = 0
        for token in tokens[open...] {
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace:
                depth -= 1
                if depth == 0 { return false }
            case .comma where depth == 1, .equal where depth == 1: return true
            default: break
            }
        }
        return false
    }

    /// The statement written again, token by token, with single spaces where the input had any.
    private struct Rewrite {
        let source: SourceFile
        var text = ""
        /// Whether the next token starts after a space whatever the input had.
        var pendingSpace = false

        init(source: SourceFile) { self.source = source }

        mutating func keep(_ token: Token) {
            if token.kind == .newline || token.kind == .semicolon {
                add(token.kind == .semicolon ? ";" : "", spaced: false)
                pendingSpace = true
                return
            }
            add(source.text(in: token.range), spaced: token.isPrecededBySpace)
        }

        mutating func add(_ piece: String, spaced: Bool) {
            if spaced || pendingSpace, !text.isEmpty, text.last != " " { text += " " }
            pendingSpace = false
            text += piece
        }
    }
}
