import ChorusEngine
import Foundation

/// Where line-editing history lives: `$XDG_DATA_HOME/chorus/history`, else `~/.local/share/chorus/history`.
public enum HistoryFile {
    /// The history file's path, or nil when there is no home to put it in.
    public static func path(environment: [String: String]) -> String? {
        if let override = environment["CHORUS_HISTORY"], !override.isEmpty { return override }
        return ChorusFolders.data(environment: environment).map { $0 + "/history" }
    }
}
