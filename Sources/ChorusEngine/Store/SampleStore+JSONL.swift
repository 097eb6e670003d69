import Foundation

/// Export to and import from JSON Lines, one sample per line (see ``StoredSample/jsonLine``).
extension SampleStore {
    /// Writes every stored sample to `path`, in key order, replacing the file; returns how many.
    @discardableResult
    public func exportJSONL(to path: String) async throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path)
        else {
            throw SampleStoreError.file(
                path: path, reason: "cannot create the file; check that its folder exists and is writable")
        }
        defer { try? file.close() }
        var written = 0
        var cursor: SampleKey?
        while true {
            try Task.checkCancellation()
            let page = try await samples(after: cursor, limit: 500)
            guard let last = page.last else { break }
            var chunk = ""
            for sample in page { chunk += sample.jsonLine + "\n" }
            do {
                try file.write(contentsOf: Data(chunk.utf8))
            } catch {
                throw SampleStoreError.file(path: path, reason: "cannot write: \(error.localizedDescription)")
            }
            written += page.count
            cursor = last.key
        }
        return written
    }

    /// Adds the samples in the JSON Lines file at `path` that the store does not hold yet.
    ///
    /// Every line is checked first (a row whose key does not match its content is an error naming
    /// the line), so a bad file imports nothing. Samples already present are kept as they are.
    public func importJSONL(from path: String) async throws -> ImportReport {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            throw SampleStoreError.file(path: path, reason: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SampleStoreError.file(path: path, reason: "the file is not UTF-8 text")
        }
        var incoming: [StoredSample] = []
        var seen: Set<SampleKey> = []
        var repeats = 0
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            guard !trimmed.allSatisfy(\.isWhitespace) else { continue }
            let sample: StoredSample
            do {
                sample = try StoredSample(jsonLine: String(trimmed))
            } catch {
                throw SampleStoreError.invalidLine(path: path, line: offset + 1, reason: error.reason)
            }
            if seen.insert(sample.key).inserted { incoming.append(sample) } else { repeats += 1 }
        }
        var added = 0
        var start = 0
        while start < incoming.count {
            try Task.checkCancellation()
            let batch = Array(incoming[start..<min(start + 1000, incoming.count)])
            let present = try await samples(for: batch.map(\.key))
            let new = batch.filter { present[$0.key] == nil }
            try await save(contentsOf: new)
            added += new.count
            start += batch.count
        }
        return ImportReport(added: added, alreadyPresent: incoming.count - added + repeats)
    }
}
