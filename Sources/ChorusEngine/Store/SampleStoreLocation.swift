/// Where the sample store lives when the user names no file.
public enum SampleStoreLocation {
    /// The file name inside the Chorus data folder.
    public static let fileName = "samples.sqlite"

    /// `$XDG_DATA_HOME/chorus/samples.sqlite`, else `$HOME/.local/share/chorus/samples.sqlite`.
    ///
    /// As the XDG Base Directory specification says, an empty or relative `XDG_DATA_HOME` is
    /// ignored; nil when neither variable gives an absolute folder.
    public static func defaultPath(environment: [String: String]) -> String? {
        ChorusFolders.data(environment: environment).map { $0 + "/" + fileName }
    }
}
