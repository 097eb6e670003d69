/// Reverse incremental search through the history (Ctrl-R), as bash and IPython do it: each key
/// typed narrows the search to entries that contain the text so far, newest first, and Ctrl-R again
/// steps to an older one.
///
/// A history entry is a whole statement, so a statement typed over several lines is found by any of
/// its lines and recalled whole.
public struct HistorySearch: Sendable, Equatable {
    /// The history, oldest first.
    public let entries: [String]
    /// What has been typed to search for.
    public private(set) var query = ""
    /// The position in ``entries`` of the entry shown; nil before anything matched.
    public private(set) var position: Int?
    /// Whether the last key found nothing (the entry shown, if any, is the last one that matched).
    public private(set) var failed = false

    /// A search over `entries` (oldest first) with nothing typed yet.
    public init(entries: [String]) {
        self.entries = entries
    }

    /// The entry found, if any.
    public var match: String? { position.map { entries[$0] } }

    /// Adds typed text to the query; the entry shown stays while it still matches, else the next
    /// older one that does is shown.
    public mutating func type(_ text: String) {
        query += text
        find(from: position ?? entries.count - 1, skipping: nil)
    }

    /// Removes the query's last character and searches again from the newest entry.
    public mutating func deleteBackward() {
        guard !query.isEmpty else { return }
        query.removeLast()
        position = nil
        failed = false
        if !query.isEmpty { find(from: entries.count - 1, skipping: nil) }
    }

    /// Steps to the next older entry that matches (Ctrl-R pressed again), skipping repeats of the
    /// entry shown.
    public mutating func older() {
        guard !query.isEmpty else { return }
        find(from: (position ?? entries.count) - 1, skipping: match)
    }

    /// What the search shows on the terminal: `(reverse-i-search)'text': entry`, with `failed` in
    /// front when nothing matches what is typed. An entry of several lines keeps its lines.
    public var display: String {
        (failed ? "(failed reverse-i-search)" : "(reverse-i-search)") + "'\(query)': " + (match ?? "")
    }

    /// Shows the newest entry at or before `start` that contains the query and differs from
    /// `skipping`; when there is none, keeps the entry shown and marks the search failed.
    private mutating func find(from start: Int, skipping: String?) {
        var index = start
        while index >= 0 {
            let entry = entries[index]
            if entry != skipping, entry.contains(query) {
                position = index
                failed = false
                return
            }
            index -= 1
        }
        failed = true
    }
}
