import Foundation

/// What a notebook or report records about the session behind its numbers: the Chorus that ran it,
/// when, the models it sampled and the sample store it read.
public struct NotebookMetadata: Sendable, Equatable {
    /// The Chorus version.
    public var chorusVersion: String
    /// When the notebook was written, as ISO 8601 in UTC (`2026-12-03T17:40:00Z`).
    public var date: String
    /// The identities of the models the session connected to, in the order it first used them.
    public var models: [String]
    /// Where the sample store is, with the home folder written `~`; nil when it is not a file.
    public var store: String?

    /// Creates metadata.
    public init(chorusVersion: String = ChorusVersion.current, date: String, models: [String], store: String?) {
        self.chorusVersion = chorusVersion
        self.date = date
        self.models = models
        self.store = store
    }

    /// `date` written as the metadata records it.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// `path` with the home folder of `environment` written `~`, so a notebook does not show whose
    /// machine it ran on and two users' notebooks of one tutorial agree.
    public static func abbreviatingHome(_ path: String, environment: [String: String]) -> String {
        guard let home = environment["HOME"], !home.isEmpty, home != "/" else { return path }
        let folder = home.hasSuffix("/") ? String(home.dropLast()) : home
        return path.hasPrefix(folder + "/") ? "~" + path.dropFirst(folder.count) : path
    }

    /// One line for a report's header: version, date, models and store.
    var summaryLine: String {
        var line = "Chorus \(chorusVersion), \(date)"
        if !models.isEmpty { line += "; models: " + models.joined(separator: ", ") }
        if let store { line += "; sample store: \(store)" }
        return line
    }
}
