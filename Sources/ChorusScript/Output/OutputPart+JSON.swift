import ChorusEngine

extension OutputPart {
    /// The part as one JSON object, the form the machine-readable mode (`chorus --jsonl`) writes.
    ///
    /// Every part has `kind`, `text` (its plain rendering, for a front end that shows only text)
    /// and `data` (its ``mimeBundle``, which a notebook shows as it is); tables keep typed cells under `columns`/`rows`, plots their `svg`, diagnostics their
    /// `severity`, `message`, `hint`, `notes` and `range` (1-based lines and columns, the end just
    /// past the span). The protocol is described in docs/decisions.md.
    public var json: JSONValue {
        var fields: [String: JSONValue] = [
            "kind": .string(kindName), "text": .string(plainText),
            "data": .object(mimeBundle.mapValues(JSONValue.string)),
        ]
        switch self {
        case .text, .status:
            break
        case .table(let table):
            fields["table"] = table.json
        case .plot(let plot):
            fields["title"] = .string(plot.title)
            fields["svg"] = .string(plot.svg)
            fields["table"] = plot.table.json
            fields["file"] = plot.file.map(JSONValue.string) ?? .null
        case .diagnostic(let diagnostic):
            fields["severity"] = .string(diagnostic.severity.rawValue)
            fields["message"] = .string(diagnostic.message)
            fields["hint"] = diagnostic.hint.map(JSONValue.string) ?? .null
            fields["notes"] = .array(diagnostic.notes.map(JSONValue.string))
            fields["source"] = diagnostic.source.map { .string($0.name) } ?? .null
            fields["range"] =
                diagnostic.range.map { range in
                    .object([
                        "line": .integer(range.start.line), "column": .integer(range.start.column),
                        "end_line": .integer(range.end.line), "end_column": .integer(range.end.column),
                    ])
                } ?? .null
        case .progress(let line):
            fields["text"] = line.map(JSONValue.string) ?? .null
        }
        return .object(fields)
    }

    /// The `kind` field of the JSON form.
    public var kindName: String {
        switch self {
        case .text: "text"
        case .status: "status"
        case .table: "table"
        case .plot: "plot"
        case .diagnostic: "diagnostic"
        case .progress: "progress"
        }
    }
}

extension DataTable {
    /// The table as JSON: its columns (title, key, format), rows of typed cells, and notes.
    public var json: JSONValue {
        .object([
            "columns": .array(
                columns.map {
                    .object(["title": .string($0.title), "key": .string($0.key), "format": .string($0.format.name)])
                }
            ),
            "rows": .array(rows.map { .array($0.map(\.jsonValue)) }),
            "notes": .array(notes.map(JSONValue.string)),
        ])
    }
}

extension CellFormat {
    /// The format as one word for JSON: `plain`, `fixed:1`, `duration`, `clipped:40`.
    var name: String {
        switch self {
        case .plain: "plain"
        case .fixed(let digits): "fixed:\(digits)"
        case .duration: "duration"
        case .clipped(let width): "clipped:\(width)"
        }
    }
}
