import ChorusEngine
import ChorusScript
import Foundation
import Synchronization

/// What Tab offers: candidates for the word before the cursor.
public struct Completion: Sendable, Equatable {
    /// Full replacements for the word, sorted.
    public var candidates: [String]
    /// Whether to add a space after a single full match (not after a folder or a label's colon).
    public var appendsSpace: Bool

    /// Creates a completion.
    public init(candidates: [String], appendsSpace: Bool) {
        self.candidates = candidates
        self.appendsSpace = appendsSpace
    }
}

/// Completes command names, named arguments of the command being typed, variables (those of the
/// type the parameter takes), fields after a dot, model specs inside `model "`, and paths inside
/// strings.
public final class Completer: Sendable {
    /// A variable as completion knows it.
    private struct Variable: Sendable {
        let name: String
        let typeName: String
        /// The value, when known: its fields and its type decide where it is offered.
        let value: Value?
    }

    private let registry: CommandRegistry
    private let metaCommands: [String]
    private let metaWords: [String: [String]]
    private let environment: [String: String]
    private let variables = Mutex<[Variable]>([])

    /// Creates a completer over a registry; `metaCommands` are the REPL-only words after `:`,
    /// `metaWords` the words each of them takes, and `environment` says where local models are installed.
    public init(
        registry: CommandRegistry, metaCommands: [String] = [], metaWords: [String: [String]] = [:],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.registry = registry
        self.metaCommands = metaCommands
        self.metaWords = metaWords
        self.environment = environment
    }

    /// Replaces the known variables by name and type (called after each statement).
    public func updateVariables(_ list: [(name: String, typeName: String)]) {
        variables.withLock { $0 = list.map { Variable(name: $0.name, typeName: $0.typeName, value: nil) } }
    }

    /// Replaces the known variables with their values, so that fields after a dot complete and a
    /// parameter is offered only the values it takes (called after each statement).
    public func updateVariables(_ list: [(name: String, value: Value)]) {
        variables.withLock {
            $0 = list.map { Variable(name: $0.name, typeName: $0.value.typeName, value: $0.value) }
        }
    }

    /// Candidates for `word`, given the line before it.
    public func complete(lineBeforeWord: String, word: String) -> Completion {
        var before = Substring(lineBeforeWord)
        while before.first?.isWhitespace == true { before.removeFirst() }
        if before.hasPrefix(":") || before.hasPrefix("?") {
            let meta = before.dropFirst()
            if meta.isEmpty { return words(registry.names + (before == ":" ? metaCommands : []), prefix: word) }
            let metaWord = String(meta.prefix { !$0.isWhitespace })
            if before.first == ":", let list = metaWords[metaWord] {
                return isInsideString(lineBeforeWord) ? completePath(word) : words(list, prefix: word)
            }
            before = meta
        }
        before = dropAssignment(before)
        let tokens = before.split(whereSeparator: \.isWhitespace).map(String.init)
        if isInsideString(lineBeforeWord) {
            return tokens.first == "model" ? completeModelSpec(before: lineBeforeWord, word: word) : completePath(word)
        }
        if let dot = word.lastIndex(of: "."), let fields = fields(of: String(word[..<dot])) {
            let base = String(word[...dot])
            let typed = word[word.index(after: dot)...]
            let matches = fields.filter { $0.hasPrefix(typed) }.map { base + $0 }
            return Completion(candidates: Array(Set(matches)).sorted(), appendsSpace: false)
        }
        guard let commandName = tokens.first else {
            return words(registry.names + variableNames(ofType: nil), prefix: word)
        }
        guard let signature = registry.command(named: commandName)?.signature else {
            return words(variableNames(ofType: nil), prefix: word)
        }
        if let last = tokens.last, tokens.count > 1 || before.last?.isWhitespace == false,
            last.hasSuffix(":"), let parameter = signature.parameter(named: String(last.dropLast()))
        {
            return completeValue(for: parameter, prefix: word)
        }
        let used = Set(tokens.dropFirst().filter { $0.hasSuffix(":") }.map { String($0.dropLast()) })
        let labels = signature.parameters.filter { !used.contains($0.name) && !$0.isVariadic }.map { $0.name + ":" }
        let positionalCount = tokens.dropFirst().count { !$0.hasSuffix(":") }
        let positionals = signature.parameters.filter(\.isPositional)
        var candidates = labels
        if let next = positionals.first(where: \.isVariadic) ?? positionals.dropFirst(positionalCount).first {
            let values = completeValue(for: next, prefix: word)
            candidates += values.candidates
        }
        return words(candidates, prefix: word)
    }

    private func completeValue(for parameter: Parameter, prefix: String) -> Completion {
        switch parameter.completion {
        case .none: return Completion(candidates: [], appendsSpace: false)
        case .filePath: return words(["\""], prefix: prefix)
        case .commandName: return words(registry.names, prefix: prefix)
        case .words(let list): return words(list, prefix: prefix)
        case .variable(let typeName):
            return words(variableNames(ofType: typeName, takenBy: parameter.type), prefix: prefix)
        }
    }

    /// The fields `.name` reads on the variable `name`, or nil when it is not a variable with a known value.
    private func fields(of name: String) -> [String]? {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return variables.withLock { list in list.last { $0.name == name }?.value?.memberNames }
    }

    /// Inside `model "`: the schemes, the installed local models, and after `replay:` a path.
    private func completeModelSpec(before line: String, word: String) -> Completion {
        let spec = line.split(separator: "\"", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let locals = LocalEngine.installedModels(environment: environment)
        let candidates: [String]
        switch spec {
        case "": candidates = ["local:", "openai:", "replay:"] + locals.map { "local:" + $0 }
        case "local:": candidates = locals
        case "openai:": candidates = ["http://", "https://"]
        case "replay:": return completePath(word)
        default: return completePath(word)
        }
        return Completion(candidates: candidates.filter { $0.hasPrefix(word) }.sorted(), appendsSpace: false)
    }

    private func words(_ list: [String], prefix: String) -> Completion {
        Completion(candidates: Array(Set(list.filter { $0.hasPrefix(prefix) })).sorted(), appendsSpace: true)
    }

    /// Variables of `typeName` (all when nil) whose value `type` takes, when the value is known.
    private func variableNames(ofType typeName: String?, takenBy type: ParameterType = .any) -> [String] {
        variables.withLock { list in
            list.filter { variable in
                guard typeName == nil || variable.typeName == typeName else { return false }
                guard let value = variable.value else { return true }
                return Self.takes(type, value)
            }
            .map(\.name)
        }
    }

    /// Whether a parameter of `type` takes `value` as it is (as the binder would).
    private static func takes(_ type: ParameterType, _ value: Value) -> Bool {
        switch (type, value) {
        case (.any, _), (.bool, .bool), (.int, .int), (.number, .int), (.number, .double), (.string, .string),
            (.path, .string), (.record, .record), (.list, .list):
            true
        case (.objects(let types), .object(let object)): types.contains { $0.matches(object) }
        default: false
        }
    }

    /// `x = sample …` → `sample …`.
    private func dropAssignment(_ text: Substring) -> Substring {
        guard let equal = text.firstIndex(of: "=") else { return text }
        let name = text[..<equal].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return text }
        var rest = text[text.index(after: equal)...]
        while rest.first?.isWhitespace == true { rest.removeFirst() }
        return rest
    }

    /// Whether the text ends inside an unclosed string.
    private func isInsideString(_ text: String) -> Bool {
        var open: (quote: Character, index: String.Index)?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let current = open {
                if character == "\\", current.quote == "\"" {
                    index = text.index(after: index)
                } else if character == current.quote {
                    open = nil
                }
            } else if character == "\"" || character == "'" {
                open = (character, index)
            } else if character == "#" {
                return false
            }
            if index < text.endIndex { index = text.index(after: index) }
        }
        return open != nil
    }

    /// Files and folders starting with the typed path; folders end in `/`.
    private func completePath(_ typed: String) -> Completion {
        let expanded = typed.hasPrefix("~/") ? NSHomeDirectory() + typed.dropFirst(1) : typed
        let slash = expanded.lastIndex(of: "/")
        let folder = slash.map { String(expanded[...$0]) } ?? ""
        let namePrefix = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let typedFolder = typed.lastIndex(of: "/").map { String(typed[...$0]) } ?? ""
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else {
            return Completion(candidates: [], appendsSpace: false)
        }
        var candidates: [String] = []
        for entry in entries where entry.hasPrefix(namePrefix) {
            if entry.hasPrefix("."), !namePrefix.hasPrefix(".") { continue }
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: folder + entry, isDirectory: &isDirectory)
            candidates.append(typedFolder + entry + (isDirectory.boolValue ? "/" : ""))
        }
        return Completion(candidates: candidates.sorted(), appendsSpace: false)
    }
}
