import Foundation

/// Where Chorus keeps its files outside a project, after the XDG Base Directory rules.
///
/// An empty or relative `XDG_DATA_HOME` / `XDG_CACHE_HOME` is ignored, as the
/// specification says; trailing slashes are dropped.
public enum ChorusFolders {
    /// `$XDG_DATA_HOME/chorus`, else `$HOME/.local/share/chorus`: the sample store, REPL history.
    /// Nil when neither variable gives an absolute folder.
    public static func data(environment: [String: String]) -> String? {
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") { return trimmed(dataHome) + "/chorus" }
        if let home = environment["HOME"], home.hasPrefix("/") { return trimmed(home) + "/.local/share/chorus" }
        return nil
    }

    /// `$CHORUS_CACHE`, else `$XDG_CACHE_HOME/chorus`, else `~/.cache/chorus`: the local engine and its models.
    public static func cache(environment: [String: String]) -> String {
        if let folder = environment["CHORUS_CACHE"], !folder.isEmpty { return trimmed(folder) }
        if let cacheHome = environment["XDG_CACHE_HOME"], cacheHome.hasPrefix("/") {
            return trimmed(cacheHome) + "/chorus"
        }
        return trimmed(environment["HOME"] ?? NSHomeDirectory()) + "/.cache/chorus"
    }

    private static func trimmed(_ folder: String) -> String {
        var path = folder
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path == "/" ? "" : path
    }
}
