/// The few terminal styles Chorus uses; applied only when colour is on.
public enum ANSIStyle: Sendable {
    case bold, dim, red, green, yellow, blue, cyan

    /// The style's Select Graphic Rendition parameters (red and yellow are bold as well).
    var parameters: String {
        switch self {
        case .bold: "1"
        case .dim: "2"
        case .red: "1;31"
        case .green: "32"
        case .yellow: "1;33"
        case .blue: "34"
        case .cyan: "36"
        }
    }

    /// The text wrapped in this style's escape sequence and a reset.
    public func apply(to text: String) -> String {
        "\u{1B}[\(parameters)m\(text)\u{1B}[0m"
    }
}
