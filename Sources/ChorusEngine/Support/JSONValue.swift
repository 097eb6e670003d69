/// A JSON value: what the project reads (data rows, server responses, exports) and writes (request
/// bodies, exports, and the canonical documents sample keys are the digest of).
///
/// A number keeps its literal text as read (`1.50` stays `1.50`); ``integer(_:)`` and
/// ``double(_:)`` build numbers in the canonical form, and ``canonical`` puts every number of a
/// parsed value in it.
///
/// ``jsonText`` is the one way a value is written: compact JSON with no whitespace; object keys
/// sorted by their UTF-8 bytes; strings escaped as ``JSONText/quote(_:)`` does (`\"`, `\\`, `\n`,
/// `\r`, `\t`, other controls as `\u00xx`, everything else as UTF-8, with no Unicode
/// normalisation); numbers as held. For a canonical value (all numbers canonical) that text is the
/// canonical text: equal content always gives the same bytes, and so the same key.
///
/// The canonical form of a number: an integer literal that fits an `Int` in decimal; any other
/// finite number, as a `Double`, with an integral value below 2^53 in magnitude as that integer
/// (`1.0` → `1`, `-0.0` → `0`), else as Swift's shortest round-tripping `description` (`0.7`,
/// `1e-07`, `1e+16`); non-finite numbers, which JSON cannot hold, as `null`.
public enum JSONValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// A number, as its literal text.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// An ordered list.
    case array([JSONValue])
    /// An object; its key order never matters.
    case object([String: JSONValue])

    /// An integer.
    public static func integer(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A floating-point number in canonical form; `null` when it is not finite.
    public static func double(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992 { return .number(String(Int64(value))) }
        return .number(value.description)
    }

    /// Parses JSON text; numbers keep their literal text.
    public init(parsing text: String) throws(JSONParseError) {
        do {
            self = try JSONRowParser.parse(text)
        } catch {
            throw JSONParseError(message: error.description)
        }
    }

    /// The value with every number in canonical form.
    public var canonical: JSONValue {
        switch self {
        case .number(let literal): Self.canonicalNumber(literal)
        case .array(let items): .array(items.map(\.canonical))
        case .object(let fields): .object(fields.mapValues(\.canonical))
        case .string, .bool, .null: self
        }
    }

    private static func canonicalNumber(_ literal: String) -> JSONValue {
        if !literal.utf8.contains(where: {
            $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
        }),
            let integer = Int(literal)
        {
            return .integer(integer)
        }
        return .double(Double(literal) ?? .nan)
    }

    /// The value as compact JSON text, keys sorted by their UTF-8 bytes.
    public var jsonText: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .string(let text): output += JSONText.quote(text)
        case .number(let literal): output += literal
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            output += "["
            for (offset, item) in items.enumerated() {
                if offset > 0 { output += "," }
                item.write(to: &output)
            }
            output += "]"
        case .object(let fields):
            output += "{"
            for (offset, key) in Self.sortedKeys(fields).enumerated() {
                if offset > 0 { output += "," }
                output += JSONText.quote(key)
                output += ":"
                fields[key]!.write(to: &output)
            }
            output += "}"
        }
    }

    /// The value as indented JSON for files people read: two spaces a level, `"key" : value`, one
    /// array element or object member a line, keys sorted as in ``jsonText``.
    public var prettyText: String {
        var output = ""
        writePretty(to: &output, indent: "")
        return output
    }

    private func writePretty(to output: inout String, indent: String) {
        let inner = indent + "  "
        switch self {
        case .array(let items) where !items.isEmpty:
            output += "[\n"
            for (offset, item) in items.enumerated() {
                if offset > 0 { output += ",\n" }
                output += inner
                item.writePretty(to: &output, indent: inner)
            }
            output += "\n" + indent + "]"
        case .object(let fields) where !fields.isEmpty:
            output += "{\n"
            for (offset, key) in Self.sortedKeys(fields).enumerated() {
                if offset > 0 { output += ",\n" }
                output += inner + JSONText.quote(key) + " : "
                fields[key]!.writePretty(to: &output, indent: inner)
            }
            output += "\n" + indent + "}"
        default:
            write(to: &output)
        }
    }

    /// The keys in the order of their UTF-8 bytes, not `String`'s `<` (which compares Unicode
    /// normal forms), so the order is the one any other language would pick.
    static func sortedKeys(_ fields: [String: JSONValue]) -> [String] {
        fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// JSON text that could not be parsed into a ``JSONValue``.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong and at which column.
    public var message: String

    /// The message.
    public var description: String { message }
}
