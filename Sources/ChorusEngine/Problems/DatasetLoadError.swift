/// A data file, or one row of it, that could not be read as problems; it names the file and line.
public struct DatasetLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The 1-based line where the bad row starts; nil when the whole file is at fault.
    public var line: Int?
    /// What is wrong.
    public var reason: Reason

    /// Creates an error.
    public init(file: String, line: Int?, reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `data.jsonl:17: field "answer" is missing`.
    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }

    /// What is wrong with a file or a row.
    public enum Reason: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
        /// The file does not exist.
        case fileNotFound
        /// The file exists but could not be read.
        case unreadable(String)
        /// The file is not UTF-8 text.
        case notUTF8
        /// The file has no rows, so its format cannot be told; name one.
        case noRows
        /// The first row's fields match no known format.
        case undetectableFormat(fields: [String])
        /// A JSON Lines row is not valid JSON.
        case invalidJSON(String)
        /// A JSON Lines row is valid JSON but not an object.
        case notAnObject
        /// A required field is absent.
        case missingField(String)
        /// A required field is JSON `null`.
        case nullField(String)
        /// A field is an array, object or boolean where text was needed.
        case fieldNotText(String)
        /// A required field holds only whitespace.
        case emptyField(String)
        /// A GSM8K answer lacks its final `#### N`.
        case noFinalAnswer(field: String)
        /// A MATH row has no `answer` and no `\boxed{…}` in its solution.
        case noBoxedAnswer(field: String)
        /// The row's id was already used by an earlier row.
        case duplicateID(String, firstLine: Int)
        /// A CSV row breaks RFC 4180 quoting.
        case malformedCSV(String)
        /// A CSV row has a different number of fields from the header.
        case wrongFieldCount(expected: Int, found: Int)
        /// The CSV header lacks a column the mapping names.
        case missingColumn(String, columns: [String])
        /// The CSV header names a column twice.
        case duplicateColumn(String)

        /// The reason in words, without file or line.
        public var description: String {
            switch self {
            case .fileNotFound:
                return "no such file"
            case let .unreadable(detail):
                return "cannot read the file: \(detail)"
            case .notUTF8:
                return "not valid UTF-8 text"
            case .noRows:
                return "the file has no rows, so its format cannot be told; pass format:"
            case let .undetectableFormat(fields):
                let list = fields.map { "\"\($0)\"" }.joined(separator: ", ")
                return
                    "cannot tell the format from the fields (\(list)): expected \"question\" and \"answer\" (GSM8K) or \"problem\" and \"solution\" (MATH); pass format:"
            case let .invalidJSON(detail):
                return "not valid JSON: \(detail)"
            case .notAnObject:
                return "not a JSON object"
            case let .missingField(field):
                return "field \"\(field)\" is missing"
            case let .nullField(field):
                return "field \"\(field)\" is null"
            case let .fieldNotText(field):
                return "field \"\(field)\" is not a string or a number"
            case let .emptyField(field):
                return "field \"\(field)\" is empty"
            case let .noFinalAnswer(field):
                return "\"\(field)\" has no final \"#### N\""
            case let .noBoxedAnswer(field):
                return "\"\(field)\" has no \\boxed{…} answer and there is no \"answer\" field"
            case let .duplicateID(id, firstLine):
                return "id \"\(id)\" was already used on line \(firstLine)"
            case let .malformedCSV(detail):
                return "malformed CSV: \(detail)"
            case let .wrongFieldCount(expected, found):
                return "expected \(expected) fields as in the header, found \(found)"
            case let .missingColumn(column, columns):
                let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
                return "no column \"\(column)\" in the header (columns: \(list))"
            case let .duplicateColumn(column):
                return "column \"\(column)\" appears twice in the header"
            }
        }
    }
}
