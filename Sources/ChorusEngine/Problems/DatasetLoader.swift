import Foundation

/// Reads problems from GSM8K, MATH, generic JSON Lines and CSV files.
///
/// Every bad row is an error naming the file, line and field, unless `skipInvalid` is set; then bad
/// rows are left out and listed, with their reasons, in the `LoadReport`. Nothing is dropped silently.
/// Blank lines are not rows.
public struct DatasetLoader: Sendable {
    /// The format of the rows; nil tells it from the first row's fields.
    public var format: DatasetFormat?
    /// The dataset name; nil takes the file name without its extension.
    public var name: String?
    /// The `source` of every problem; nil means `gsm8k`, `math`, or the dataset name for generic files.
    public var source: String?
    /// Whether bad rows are skipped (and reported) instead of stopping the load.
    public var skipInvalid: Bool
    /// Finds the gold answer in a MATH solution that has no `answer` field.
    public var goldFromSolution: @Sendable (String) -> String?

    /// Creates a loader.
    public init(
        format: DatasetFormat? = nil,
        name: String? = nil,
        source: String? = nil,
        skipInvalid: Bool = false,
        goldFromSolution: @escaping @Sendable (String) -> String? = { solution in
            AnswerExtractor(options: .boxedOnly).extract(from: solution)?.text
        }
    ) {
        self.format = format
        self.name = name
        self.source = source
        self.skipInvalid = skipInvalid
        self.goldFromSolution = goldFromSolution
    }

    /// Loads the file at `path`; errors name the file as `path` is written.
    public func load(path: String) throws(DatasetLoadError) -> LoadReport {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DatasetLoadError(file: path, line: nil, reason: .fileNotFound)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DatasetLoadError(file: path, line: nil, reason: .unreadable(error.localizedDescription))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DatasetLoadError(file: path, line: nil, reason: .notUTF8)
        }
        return try load(text: text, fileName: path)
    }

    /// Loads rows from `text` as if read from a file called `fileName` (whose extension picks CSV).
    public func load(text: String, fileName: String) throws(DatasetLoadError) -> LoadReport {
        let isCSV: Bool
        switch format {
        case .csv: isCSV = true
        case .jsonl: isCSV = false
        case .gsm8k, .math, nil: isCSV = fileName.lowercased().hasSuffix(".csv")
        }
        let rows: [RowOutcome]
        let firstFields: (line: Int, names: [String])?
        if isCSV {
            (rows, firstFields) = try csvRows(text, fileName: fileName)
        } else {
            rows = jsonRows(text)
            firstFields =
                rows.lazy.compactMap { outcome in
                    (try? outcome.get()).map { (outcome.line, $0.fields.keys.sorted()) }
                }.first
        }
        let resolved = try resolveFormat(firstFields: firstFields, rows: rows, isCSV: isCSV, fileName: fileName)
        let datasetName = name ?? Self.baseName(of: fileName)
        let defaultSource: String
        switch resolved {
        case .gsm8k: defaultSource = "gsm8k"
        case .math: defaultSource = "math"
        case .jsonl, .csv: defaultSource = datasetName
        }
        let decoder = ProblemDecoder(
            format: resolved,
            name: datasetName,
            source: source ?? defaultSource,
            goldFromSolution: goldFromSolution
        )

        var problems: [Problem] = []
        var skipped: [SkippedRow] = []
        var lineByID: [String: Int] = [:]
        for outcome in rows {
            do throws(DatasetLoadError.Reason) {
                let row = try outcome.get()
                let problem = try decoder.problem(from: row)
                if let firstLine = lineByID[problem.id] { throw .duplicateID(problem.id, firstLine: firstLine) }
                lineByID[problem.id] = row.line
                problems.append(problem)
            } catch {
                guard skipInvalid else { throw DatasetLoadError(file: fileName, line: outcome.line, reason: error) }
                skipped.append(SkippedRow(line: outcome.line, reason: error))
            }
        }
        return LoadReport(
            dataset: Dataset(name: datasetName, uniqueProblems: problems),
            format: resolved,
            skipped: skipped
        )
    }

    /// A row, or why the container could not yield one, with the line either way.
    private struct RowOutcome {
        let line: Int
        let result: Result<DatasetRow, DatasetLoadError.Reason>

        func get() throws(DatasetLoadError.Reason) -> DatasetRow { try result.get() }
    }

    /// The format asked for, or the one the first row's fields point to.
    private func resolveFormat(
        firstFields: (line: Int, names: [String])?,
        rows: [RowOutcome],
        isCSV: Bool,
        fileName: String
    ) throws(DatasetLoadError) -> DatasetFormat {
        if let format { return format }
        guard let firstFields else {
            // No row could be read at all: the first row's own problem says more than "no rows".
            if let first = rows.first, case let .failure(reason) = first.result {
                throw DatasetLoadError(file: fileName, line: first.line, reason: reason)
            }
            throw DatasetLoadError(file: fileName, line: nil, reason: .noRows)
        }
        guard let detected = DatasetFormat.detect(fields: firstFields.names, isCSV: isCSV) else {
            throw DatasetLoadError(
                file: fileName, line: firstFields.line, reason: .undetectableFormat(fields: firstFields.names))
        }
        return detected
    }

    /// The file name without folders or extension: `data/gsm8k-test.jsonl` → `gsm8k-test`.
    static func baseName(of fileName: String) -> String {
        let last = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }

    private func jsonRows(_ text: String) -> [RowOutcome] {
        var outcomes: [RowOutcome] = []
        var lineNumber = 0
        // Split on LF only: a CR before it is whitespace to JSON, and U+2028 may appear inside strings.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let content = lineNumber == 1 && line.hasPrefix("\u{FEFF}") ? line.dropFirst() : line
            guard content.contains(where: { !$0.isWhitespace }) else { continue }
            let result: Result<DatasetRow, DatasetLoadError.Reason>
            do throws(JSONRowParser.Failure) {
                if case let .object(object) = try JSONRowParser.parse(String(content)) {
                    result = .success(DatasetRow(line: lineNumber, object: object))
                } else {
                    result = .failure(.notAnObject)
                }
            } catch {
                result = .failure(.invalidJSON(error.description))
            }
            outcomes.append(RowOutcome(line: lineNumber, result: result))
        }
        return outcomes
    }

    /// The data rows under the header; a header that cannot be read stops the load even with `skipInvalid`.
    private func csvRows(
        _ text: String,
        fileName: String
    ) throws(DatasetLoadError) -> (rows: [RowOutcome], header: (line: Int, names: [String])?) {
        let records = CSVReader.rows(in: text)
        guard let first = records.first else { return ([], nil) }
        let columns: [String]
        let headerLine: Int
        switch first {
        case let .malformed(line, reason):
            throw DatasetLoadError(file: fileName, line: line, reason: .malformedCSV(reason))
        case let .record(line, fields):
            columns = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            headerLine = line
            var seen: Set<String> = []
            for column in columns where !seen.insert(column).inserted {
                throw DatasetLoadError(file: fileName, line: line, reason: .duplicateColumn(column))
            }
            if let mapping = csvMapping {
                for column in [mapping.question, mapping.answer] + [mapping.id, mapping.solution].compactMap({ $0 })
                where !seen.contains(column) {
                    throw DatasetLoadError(file: fileName, line: line, reason: .missingColumn(column, columns: columns))
                }
            }
        }
        var outcomes: [RowOutcome] = []
        for record in records.dropFirst() {
            switch record {
            case let .malformed(line, reason):
                outcomes.append(RowOutcome(line: line, result: .failure(.malformedCSV(reason))))
            case let .record(line, cells) where cells.count != columns.count:
                outcomes.append(
                    RowOutcome(
                        line: line, result: .failure(.wrongFieldCount(expected: columns.count, found: cells.count))))
            case let .record(line, cells):
                outcomes.append(
                    RowOutcome(line: line, result: .success(DatasetRow(line: line, columns: columns, cells: cells))))
            }
        }
        return (outcomes, (headerLine, columns))
    }

    private var csvMapping: FieldMapping? {
        if case let .csv(mapping) = format { return mapping }
        return nil
    }
}
