/// The few terminal styles Chorus uses; applied only when colour is on.
public enum ANSIStyle: String, Sendable {
    case bold = "1"
    case dim = "2"
    case red = "1;31"
    case green = "32"
    case yellow = "1;33"
    case blue = "34"
    case cyan = "36"

    /// The text wrapped in this style's escape sequence and a reset.
    public func apply(to text: String) -> String {
        "\u{1B}[\(rawValue)m\(text)\u{1B}[0m"
    }
}
