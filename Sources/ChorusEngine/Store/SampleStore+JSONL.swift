import Foundation

/// Export to and import from JSON Lines, one sample per line (see ``StoredSample/jsonLine``).
extension SampleStore {
    /// Writes every stored sample to `path`, in key order, replacing the file; returns how many.
    @discardableResult
    public func exportJSONL(to path: String) async throws -> Int {
        let file = try JSONLinesFile(creating: path)
        var written = 0
        var cursor: SampleKey?
        while true {
            try Task.checkCancellation()
            let page = try await samples(after: cursor, limit: 500)
            guard let last = page.last else { break }
            try file.append(page.map(\.jsonLine))
            written += page.count
            cursor = last.key
        }
        return written
    }

    /// Writes the stored samples at `samples`' keys, in that order, to `path` (replacing the file),
    /// each with the response given beside its key (which carries what the set added, such as a
    /// score); returns how many. Lines are those of the whole-store export, so `import` and
    /// `replay:` read the file the same way.
    @discardableResult
    public func exportJSONL(_ samples: [(key: SampleKey, sample: Sample)], to path: String) async throws -> Int {
        var stored: [SampleKey: StoredSample] = [:]
        var start = 0
        while start < samples.count {
            try Task.checkCancellation()
            let batch = samples[start..<min(start + 500, samples.count)].map(\.key)
            stored.merge(try await self.samples(for: batch)) { first, _ in first }
            start += batch.count
        }
        let missing = samples.count { stored[$0.key] == nil }
        guard missing == 0 else {
            throw SampleStoreError.file(
                path: path,
                reason: "\(missing) of the samples are not in this store (was another one chosen with `store`?); "
                    + "nothing was written")
        }
        let file = try JSONLinesFile(creating: path)
        for chunkStart in stride(from: 0, to: samples.count, by: 500) {
            try Task.checkCancellation()
            let lines = samples[chunkStart..<min(chunkStart + 500, samples.count)].map { item in
                var line = stored[item.key]!
                line.sample = item.sample
                return line.jsonLine
            }
            try file.append(lines)
        }
        return samples.count
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
