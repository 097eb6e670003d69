import Foundation

/// A session as it ran, ready to be written as a notebook or a report: its cells and the metadata
/// behind their numbers. Nothing is run again to write it.
public struct NotebookDocument: Sendable, Equatable {
    /// The statements and prose blocks, in order, with what each showed.
    public var cells: [SessionCell]
    /// Version, date, models and store.
    public var metadata: NotebookMetadata

    /// Creates a document.
    public init(cells: [SessionCell], metadata: NotebookMetadata) {
        self.cells = cells
        self.metadata = metadata
    }

    /// The number each cell's prompt showed (`chorus[N]>`, a notebook's `In [N]`); nil for prose.
    ///
    /// A statement that recorded a result shows its number; one that did not (a failed statement, a
    /// session command) showed the number the next result would get.
    public var promptNumbers: [Int?] {
        var last = 0
        return cells.map { cell in
            guard cell.kind == .code else { return nil }
            guard let number = cell.number else { return last + 1 }
            last = number
            return number
        }
    }
}

extension Session {
    /// The session so far as a notebook document, dated `date`.
    public func notebookDocument(date: Date = Date()) async -> NotebookDocument {
        var models: [String] = []
        for value in results {
            guard case .object(let object) = value, let model = object as? ModelValue else { continue }
            if !models.contains(model.client.identity) { models.append(model.client.identity) }
        }
        let store = await services.storeLocation().map {
            NotebookMetadata.abbreviatingHome($0, environment: services.environment)
        }
        return NotebookDocument(
            cells: cellList,
            metadata: NotebookMetadata(date: NotebookMetadata.timestamp(date), models: models, store: store))
    }

    /// Writes the session so far to `path` as `format`, replacing the file.
    public func writeNotebook(to path: String, as format: NotebookFormat) async throws(NotebookWriteError) {
        let text = format.render(await notebookDocument())
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw NotebookWriteError(message: "cannot write \(Value.quote(path)): \(FileErrors.reason(for: path))")
        }
    }
}

/// A notebook or report that could not be written.
public struct NotebookWriteError: UserError {
    /// What went wrong, naming the file.
    public let message: String
}
