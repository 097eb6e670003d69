/// Text as a double-quoted literal. JSON and Chorus scripts escape alike but for how a control
/// character is spelt (`\u0001` against `\u{1}`), so one rule serves both.
public enum QuotedString {
    /// `text` in double quotes: `"`, `\`, newline, return and tab escaped, any other control
    /// character (below U+0020) written by `control`, everything else as it is.
    public static func quote(_ text: String, control: (Unicode.Scalar) -> String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += control(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
