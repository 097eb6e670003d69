/// Escaping for text placed inside HTML, SVG and XML, in elements and in quoted attributes.
public enum Markup {
    /// `text` with `&`, `<`, `>` and `"` escaped, safe as element content and inside a double-quoted attribute.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
