/// Writing JSON text: string literals and values read by ``JSONRowParser``.
enum JSONText {
    /// A string as a JSON string literal.
    static func quote(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension JSONRowValue {
    /// The value as compact JSON; numbers keep their literal text, object keys are sorted.
    var jsonText: String {
        switch self {
        case .string(let text): JSONText.quote(text)
        case .number(let literal): literal
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .array(let items): "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let fields):
            "{" + fields.keys.sorted().map { JSONText.quote($0) + ":" + fields[$0]!.jsonText }.joined(separator: ",") + "}"
        }
    }
}
