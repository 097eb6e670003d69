import ChorusEngine

extension Value {
    /// How the value is shown as a statement's result: strings quoted, objects in full.
    public var rendering: String {
        switch self {
        case .object(let object): object.rendering
        default: literal
        }
    }

    /// What a statement whose result is this value shows.
    public var outputParts: [OutputPart] {
        switch self {
        case .object(let object): object.outputParts
        default: [.text(literal + "\n")]
        }
    }

    /// The value as `print` writes it: strings as they are, everything else as a literal.
    public var printText: String {
        switch self {
        case .string(let text): text
        case .object(let object): object.rendering
        default: literal
        }
    }

    /// One line for `vars`: a literal, shortened when long.
    public var summary: String {
        switch self {
        case .object(let object): object.summary
        case .list(let items) where items.count > 8:
            "[" + items.prefix(8).map(\.summary).joined(separator: ", ") + ", … (\(items.count) items)]"
        default:
            Self.shorten(literal, to: 72)
        }
    }

    /// The value written as script syntax, where it has one.
    public var literal: String {
        switch self {
        case .none: "none"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): NumberFormatting.shortest(value)
        case .string(let text): Self.quote(text)
        case .list(let items): "[" + items.map(\.literal).joined(separator: ", ") + "]"
        case .record(let record):
            "{" + record.fields.map { "\(Self.fieldKey($0.key)): \($0.value.literal)" }.joined(separator: ", ") + "}"
        case .object(let object): "<\(object.typeName): \(object.summary)>"
        }
    }

    /// A string as a double-quoted literal with escapes.
    public static func quote(_ text: String) -> String {
        // Other control characters as `\u{…}`, so the literal reads back as the same string.
        QuotedString.quote(text) { "\\u{" + String($0.value, radix: 16) + "}" }
    }

    private static func fieldKey(_ key: String) -> String {
        let isName =
            key.first.map { $0.isLetter || $0 == "_" } == true
            && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        return isName ? key : quote(key)
    }

    private static func shorten(_ text: String, to limit: Int) -> String {
        let firstLine = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if firstLine.count <= limit, firstLine.count == text.count { return text }
        return String(firstLine.prefix(limit - 1)) + "…"
    }
}
