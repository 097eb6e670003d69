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

/// Completes command names, named arguments of the command being typed, variables, and paths inside strings.
public final class Completer: Sendable {
    private let registry: CommandRegistry
    private let metaCommands: [String]
    private let variables = Mutex<[(name: String, typeName: String)]>([])

    /// Creates a completer over a registry; `metaCommands` are the REPL-only words after `:`.
    public init(registry: CommandRegistry, metaCommands: [String] = []) {
        self.registry = registry
        self.metaCommands = metaCommands
    }

    /// Replaces the known variables (called after each statement).
    public func updateVariables(_ list: [(name: String, typeName: String)]) {
        variables.withLock { $0 = list }
    }

    /// Candidates for `word`, given the line before it.
    public func complete(lineBeforeWord: String, word: String) -> Completion {
        if isInsideString(lineBeforeWord) {
            return completePath(word)
        }
        var before = Substring(lineBeforeWord)
        while before.first?.isWhitespace == true { before.removeFirst() }
        if before == "?" { return words(registry.names, prefix: word) }
        if before == ":" { return words(registry.names + metaCommands, prefix: word) }
        if before.hasPrefix(":") || before.hasPrefix("?") { before.removeFirst() }
        before = dropAssignment(before)
        let tokens = before.split(whereSeparator: \.isWhitespace).map(String.init)
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
        case .variable(let typeName): return words(variableNames(ofType: typeName), prefix: prefix)
        }
    }

    private func words(_ list: [String], prefix: String) -> Completion {
        Completion(candidates: Array(Set(list.filter { $0.hasPrefix(prefix) })).sorted(), appendsSpace: true)
    }

    private func variableNames(ofType typeName: String?) -> [String] {
        variables.withLock { list in list.filter { typeName == nil || $0.typeName == typeName }.map(\.name) }
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
