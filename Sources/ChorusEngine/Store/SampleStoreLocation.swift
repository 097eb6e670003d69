/// Where the sample store lives when the user names no file.
public enum SampleStoreLocation {
    /// The file name inside the Chorus data folder.
    public static let fileName = "samples.sqlite"

    /// `$XDG_DATA_HOME/chorus/samples.sqlite`, else `$HOME/.local/share/chorus/samples.sqlite`.
    ///
    /// As the XDG Base Directory specification says, an empty or relative `XDG_DATA_HOME` is
    /// ignored; nil when neither variable gives an absolute folder.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return join(dataHome, "chorus", fileName)
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return join(home, ".local/share/chorus", fileName)
        }
        return nil
    }

    private static func join(_ folder: String, _ parts: String...) -> String {
        var path = folder
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        for part in parts { path += (path.hasSuffix("/") ? "" : "/") + part }
        return path
    }
}
