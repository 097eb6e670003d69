import CEditLine
import Foundation
import Synchronization

/// Connects libedit's C completion callback to the Swift ``Completer``.
enum CompletionBridge {
    private static let current = Mutex<Completer?>(nil)

    /// Makes `completer` answer Tab.
    static func install(_ completer: Completer) {
        current.withLock { $0 = completer }
        // Characters that end a word; `/` and `.` stay inside words so paths complete whole.
        // libedit keeps the pointer for the life of the process.
        chorus_rl_set_word_break_characters(strdup(" \t\n\"'([{,=:?"))
        chorus_rl_set_attempted_completion_function { text, start, _ in
            chorus_rl_set_attempted_completion_over(1)
            guard let completer = CompletionBridge.current.withLock({ $0 }) else { return nil }
            let word = text.map { String(cString: $0) } ?? ""
            let line = chorus_rl_line_buffer().map { String(cString: $0) } ?? ""
            let before = String(String.UnicodeScalarView(line.unicodeScalars.prefix(Int(start))))
            let completion = completer.complete(lineBeforeWord: before, word: word)
            return CompletionBridge.matchArray(completion, word: word)
        }
    }

    /// The array libedit expects: the common prefix first, then each match, then NULL; all malloc'd.
    private static func matchArray(
        _ completion: Completion, word: String
    ) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        let candidates = completion.candidates
        guard !candidates.isEmpty else { return nil }
        chorus_rl_set_completion_append_character(completion.appendsSpace ? 32 : 0)
        // libedit's layout, even for one match: [common prefix, match 1, …, match n, NULL]
        // (it reads matches[2] to tell a single match, so [match, NULL] alone is read past its end).
        let entries: [String] = [commonPrefix(candidates)] + candidates
        // libedit frees the array and its strings with free(), so allocate them with malloc.
        let raw = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (entries.count + 1))!
        let matches = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: entries.count + 1)
        for (index, entry) in entries.enumerated() { matches[index] = strdup(entry) }
        matches[entries.count] = nil
        return matches
    }

    private static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
