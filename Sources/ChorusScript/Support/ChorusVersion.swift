/// The version of Chorus, which `chorus --version` prints and every notebook records.
public enum ChorusVersion {
    /// The version string.
    public static let current = "0.1.0"
}
