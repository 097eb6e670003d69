/// Writing JSON string literals, for ``JSONValue/jsonText`` and rows written by hand.
enum JSONText {
    /// A string as a JSON string literal.
    static func quote(_ text: String) -> String {
        QuotedString.quote(text) { scalar in
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
