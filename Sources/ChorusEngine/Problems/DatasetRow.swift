import Foundation

/// One row of a data file, from JSON Lines or CSV: its line and its fields.
struct DatasetRow: Sendable {
    /// A field's content, as far as problems care.
    enum Field: Sendable, Equatable {
        /// A string, or a number's literal text.
        case text(String)
        /// JSON `null`.
        case null
        /// An array, object or boolean.
        case other
    }

    /// The 1-based line the row starts on.
    let line: Int
    /// The fields by name.
    let fields: [String: Field]

    /// A row from a JSON object.
    init(line: Int, object: [String: JSONValue]) {
        self.line = line
        self.fields = object.mapValues { value in
            switch value {
            case let .string(text), let .number(text): .text(text)
            case .null: .null
            case .bool, .array, .object: .other
            }
        }
    }

    /// A row from CSV cells, named by the header.
    init(line: Int, columns: [String], cells: [String]) {
        self.line = line
        var fields: [String: Field] = [:]
        for (column, cell) in zip(columns, cells) {
            fields[column] = .text(cell)
        }
        self.fields = fields
    }

    /// The field's text with surrounding whitespace removed; absent, null, non-text or blank is an error.
    func required(_ name: String) throws(DatasetLoadError.Reason) -> String {
        switch fields[name] {
        case nil: throw .missingField(name)
        case .null: throw .nullField(name)
        case .other: throw .fieldNotText(name)
        case let .text(raw):
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw .emptyField(name) }
            return text
        }
    }

    /// The field's trimmed text, or nil when it is absent, null or blank; non-text is an error.
    func optional(_ name: String) throws(DatasetLoadError.Reason) -> String? {
        switch fields[name] {
        case nil, .null: return nil
        case .other: throw .fieldNotText(name)
        case let .text(raw):
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
    }
}
