/// A JSON value with one canonical text, so equal content always hashes to the same key.
///
/// The canonical text is compact JSON: no whitespace; object keys sorted by their UTF-8 bytes;
/// strings escaped as ``JSONText/quote(_:)`` does (`\"`, `\\`, `\n`, `\r`, `\t`, other controls as
/// `\u00xx`, everything else as UTF-8, with no Unicode normalisation); integers in decimal; a
/// finite `Double` with an integral value below 2^53 in magnitude as that integer (`1.0` → `1`,
/// `-0.0` → `0`), any other finite one as Swift's shortest round-tripping `description` (`0.7`,
/// `1e-07`, `1e+16`); non-finite numbers, which JSON cannot hold, as `null`.
public enum CanonicalJSON: Sendable, Equatable, Hashable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// A floating-point number.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// An ordered list.
    case array([CanonicalJSON])
    /// An object; its key order never matters.
    case object([String: CanonicalJSON])

    /// The canonical text of the value.
    public var text: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .string(let text): output += JSONText.quote(text)
        case .integer(let value): output += String(value)
        case .number(let value): output += Self.canonicalNumber(value)
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
            // Byte order, not `String`'s `<`, so the order is the one any other language would pick.
            let keys = fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (offset, key) in keys.enumerated() {
                if offset > 0 { output += "," }
                output += JSONText.quote(key)
                output += ":"
                fields[key]!.write(to: &output)
            }
            output += "}"
        }
    }

    private static func canonicalNumber(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return value.description
    }

    /// Parses JSON text; numbers without a fraction or exponent that fit an `Int` become integers.
    public init(parsing text: String) throws(CanonicalJSONError) {
        do {
            self.init(try JSONRowParser.parse(text))
        } catch {
            throw CanonicalJSONError(message: error.description)
        }
    }

    init(_ value: JSONRowValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .number(let literal):
            if !literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let integer = Int(literal) {
                self = .integer(integer)
            } else {
                self = .number(Double(literal) ?? .nan)
            }
        case .bool(let flag): self = .bool(flag)
        case .null: self = .null
        case .array(let items): self = .array(items.map(CanonicalJSON.init))
        case .object(let fields): self = .object(fields.mapValues(CanonicalJSON.init))
        }
    }
}

/// JSON text that could not be parsed into a ``CanonicalJSON`` value.
public struct CanonicalJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong and at which column.
    public var message: String

    /// The message.
    public var description: String { message }
}
