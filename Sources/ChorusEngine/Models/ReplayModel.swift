import Foundation

/// A model that answers from samples recorded in a JSON Lines file, so an experiment reruns with no
/// server at all.
///
/// One row per sample:
///
/// ```
/// {"prompt": "Question: 2+2?", "index": 0, "text": "4", "finish_reason": "stop", "completion_tokens": 1, "mean_logprob": -0.02}
/// {"prompt": [{"role": "user", "content": "2+2?"}], "index": 1, "text": "Four."}
/// ```
///
/// - `prompt` (required): the raw prompt text of a `/v1/completions` request, or the chat messages
///   as a JSON array of `{"role", "content"}` objects — or that array as compact JSON text with
///   sorted keys (`CompletionRequest.Prompt.canonicalText`).
/// - `index` (required): the sample's index, 0-based; a request for n samples gets indices 0..n-1.
/// - `text` (required): the response.
/// - `finish_reason`, `prompt_tokens` and `completion_tokens` (or under `usage`), `mean_logprob`
///   (optional): as the model reported them.
///
/// The store's export lines are such rows, so an exported file replays as it is.
///
/// - `seed` (optional): the base seed; the sample was drawn with `seed + index`
///   (`SamplingParameters.seed(base:sample:)`), and a request with
///   a seed is answered by the samples drawn with that seed and the ones after it.
///
/// Other fields are ignored, and rows may come in any order. Other sampling parameters
/// (temperature, …) are not matched: the file holds one set of samples per prompt. A replayed response
/// costs no calls; its completion tokens are the recorded ones.
public struct ReplayModel: ModelClient {
    /// `replay:PATH`.
    public let identity: String
    /// By prompt, by index.
    let recorded: [String: [Int: Sample]]
    /// By prompt, by the seed the sample was drawn with (the row's `seed` plus its `index`).
    let recordedBySeed: [String: [Int: Sample]]

    /// Loads the recorded samples of a file: a ``ReplayModelError``, or `CancellationError` when the
    /// task is cancelled (checked between blocks of the file).
    public init(path: String) throws {
        try self.init(path: path, blockSize: LineBlockReader.defaultBlockSize)
    }

    /// Loads the recorded samples of a file, read `blockSize` bytes at a time (a test reads in tiny
    /// blocks to cut lines and rows at every byte).
    init(path: String, blockSize: Int) throws {
        // Streamed through two buffers: holding a large file whole would double the memory a load needs.
        let reader: LineBlockReader
        do { reader = try LineBlockReader(path: path, blockSize: blockSize) } catch {
            throw ReplayModelError.unreadable(path: path)
        }
        func nextBlock() throws(ReplayModelError) -> UnsafeBufferPointer<UInt8>? {
            do { return try reader.next() } catch { throw .unreadable(path: path) }
        }
        var reading = Reading()
        while let block = try nextBlock() {
            try Task.checkCancellation()
            try reading.read(block)
        }
        self.init(reading.recording, identity: ModelSpec.replay(path: path).identity)
    }

    /// Reads recorded samples from JSON Lines text.
    public init(jsonl text: String, identity: String) throws(ReplayModelError) {
        try self.init(jsonl: Array(text.utf8), identity: identity)
    }

    private init(_ recording: Recording, identity: String) {
        self.identity = identity
        (recorded, recordedBySeed) = recording.byPrompt()
    }

    /// Reads recorded samples from the UTF-8 bytes of JSON Lines, a line at a time, without making a
    /// `String` of the whole file or of each line.
    ///
    /// Most rows are read by ``RecordedRowScanner``, which picks out the fields a replay needs without
    /// building the row's JSON value; a row it is unsure of is read by the full parser, which gives
    /// the same values, or the diagnostic.
    ///
    /// `pieces` is how many pieces each block is scanned in at once (by default one per core once a
    /// block is large enough to be worth it).
    init(jsonl bytes: [UInt8], identity: String, pieces: Int? = nil) throws(ReplayModelError) {
        var reading = Reading(pieces: pieces)
        try bytes.withUnsafeBufferPointer { (file) throws(ReplayModelError) in try reading.read(file) }
        self.init(reading.recording, identity: identity)
    }

    /// A file's lines read so far, given a block of whole lines at a time.
    private struct Reading {
        var recording = Recording()
        /// Pieces each block is scanned in; nil for one per core on blocks of 64 KiB and more.
        private let pieces: Int?
        /// The lines read so far, blank ones too: the next line's number less one.
        private var lines = 0
        /// A prompt comes back on every one of its samples' rows: decoded once, found again by its bytes.
        private var slotOfBytes: [PromptBytes: Int] = [:]
        private var promptTexts: [[JSONValue]: String] = [:]

        init(pieces: Int? = nil) {
            self.pieces = pieces
        }

        /// Reads the rows of `block`, which ends at the end of a line.
        ///
        /// The block is scanned in pieces of whole lines on every core, then its rows are added in
        /// the file's order, so line numbers, duplicates and diagnostics are those of one pass from
        /// the top. Only one block's rows are held at a time.
        mutating func read(_ block: UnsafeBufferPointer<UInt8>) throws(ReplayModelError) {
            let count = pieces ?? (block.count >= 1 << 16 ? ProcessInfo.processInfo.activeProcessorCount : 1)
            let pieces = ReplayModel.pieces(of: block, count: count)
            var scanned = [(lines: [ScannedLine], count: Int)](repeating: ([], 0), count: pieces.count)
            if pieces.count == 1 {
                scanned[0] = ReplayModel.scannedLines(of: block, in: pieces[0])
            } else {
                scanned.withUnsafeMutableBufferPointer { results in
                    nonisolated(unsafe) let (results, block) = (results, block)
                    DispatchQueue.concurrentPerform(iterations: pieces.count) { piece in
                        results[piece] = ReplayModel.scannedLines(of: block, in: pieces[piece])
                    }
                }
            }
            for piece in scanned {
                for scannedLine in piece.lines {
                    let number = lines + scannedLine.number
                    guard let (prompt, index, seed, sample) = scannedLine.row, let slot = slot(of: prompt) else {
                        let line = Array(block[scannedLine.range])
                        try recording.add(ReplayModel.row(line, line: number, promptTexts: &promptTexts), line: number)
                        continue
                    }
                    try recording.add(slot: slot, index: index, seed: seed, sample: sample, line: number)
                }
                lines += piece.count
            }
        }

        /// The slot of a scanned row's prompt; nil when its text needs the full parser.
        private mutating func slot(of prompt: ScannedPrompt) -> Int? {
            if let known = slotOfBytes[prompt.bytes] { return known }
            guard let text = prompt.text() else { return nil }
            let slot = recording.slot(for: text)
            // Kept as a copy: the block the bytes are in is read over by the next one.
            slotOfBytes[prompt.bytes.owned()] = slot
            return slot
        }
    }

    /// A line that is not blank, numbered from 1 at the start of its piece, and its fields when the
    /// scanner is sure of them.
    private struct ScannedLine {
        var number: Int
        var range: Range<Int>
        var row: (ScannedPrompt, Int, Int?, Sample)?
    }

    /// `block` cut into up to `count` pieces of whole lines, of about the same size.
    private static func pieces(of block: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>] {
        let count = max(1, count)
        var pieces: [Range<Int>] = []
        var start = 0
        for piece in 1...count where start < block.count {
            let target = piece == count ? block.count : max(start, block.count / count * piece)
            let end = target >= block.count ? block.count : min(block.count, endOfLine(in: block, from: target) + 1)
            pieces.append(start..<end)
            start = end
        }
        return pieces
    }

    /// The lines of `piece` that are not blank, scanned, and the number of lines it holds.
    private static func scannedLines(
        of block: UnsafeBufferPointer<UInt8>, in piece: Range<Int>
    ) -> (lines: [ScannedLine], count: Int) {
        var lines: [ScannedLine] = []
        var start = piece.lowerBound
        var number = 0
        while start < piece.upperBound {
            let end = min(endOfLine(in: block, from: start), piece.upperBound)
            number += 1
            let range = start..<end
            start = end + 1
            let line = UnsafeBufferPointer(rebasing: block[range])
            guard !isBlank(line) else { continue }
            lines.append(ScannedLine(number: number, range: range, row: try? scannedRow(line)))
        }
        return (lines, number)
    }

    /// The samples read so far, by prompt: each prompt has a slot, found by its text.
    private struct Recording {
        private var texts: [String] = []
        private var slotOfText: [String: Int] = [:]
        private var samples: [[Int: Sample]] = []
        private var samplesBySeed: [[Int: Sample]] = []

        /// The slot of the prompt `text`, made when it is new.
        mutating func slot(for text: String) -> Int {
            if let slot = slotOfText[text] { return slot }
            texts.append(text)
            samples.append([:])
            samplesBySeed.append([:])
            slotOfText[text] = texts.count - 1
            return texts.count - 1
        }

        mutating func add(_ row: (String, Int, Int?, Sample), line number: Int) throws(ReplayModelError) {
            try add(slot: slot(for: row.0), index: row.1, seed: row.2, sample: row.3, line: number)
        }

        mutating func add(
            slot: Int, index: Int, seed: Int?, sample: Sample, line number: Int
        )
            throws(ReplayModelError)
        {
            if let seed { samplesBySeed[slot][SamplingParameters.seed(base: seed, sample: index)] = sample }
            // A store's export may hold the same sample twice (under two models, say): the same text is
            // one answer; different texts leave it unclear which to replay.
            if let earlier = samples[slot][index] {
                guard earlier.text == sample.text else { throw .duplicateSample(line: number, index: index) }
                return
            }
            samples[slot][index] = sample
        }

        /// The samples by prompt text, and by prompt text and seed (prompts with seeded rows only).
        func byPrompt() -> ([String: [Int: Sample]], [String: [Int: Sample]]) {
            var recorded: [String: [Int: Sample]] = [:]
            var recordedBySeed: [String: [Int: Sample]] = [:]
            recorded.reserveCapacity(texts.count)
            for (slot, text) in texts.enumerated() {
                recorded[text] = samples[slot]
                if !samplesBySeed[slot].isEmpty { recordedBySeed[text] = samplesBySeed[slot] }
            }
            return (recorded, recordedBySeed)
        }
    }

    /// A row's prompt as it is written in the file: its bytes (a string's with its quotes), and what
    /// they stand for.
    struct ScannedPrompt {
        var bytes: PromptBytes
        var scanner: RecordedRowScanner
        var value: RecordedRowScanner.Value

        /// The prompt's text: a string's value, or a list of messages as canonical JSON text.
        func text() -> String? {
            if case .string = value.kind { return scanner.string(value) }
            return try? JSONRowParser.parse(bytes: bytes.withBytes { Array($0) }).jsonText
        }
    }

    /// A prompt's bytes as written in the file, compared as bytes and hashed by a hash value of them
    /// taken once, by the scan (so on every core): borrowed from the block being read to look one
    /// up, owned to keep it.
    struct PromptBytes: Hashable {
        private enum Storage {
            case borrowed(UnsafeBufferPointer<UInt8>)
            case owned([UInt8])
        }

        private let storage: Storage
        /// The hash value of the bytes.
        private let digest: Int

        /// The bytes of `buffer`, borrowed.
        init(borrowing buffer: UnsafeBufferPointer<UInt8>) {
            storage = .borrowed(buffer)
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(buffer))
            digest = hasher.finalize()
        }

        private init(storage: Storage, digest: Int) {
            self.storage = storage
            self.digest = digest
        }

        /// A copy of the bytes, which outlives the block they were read from.
        func owned() -> PromptBytes {
            withBytes { PromptBytes(storage: .owned(Array($0)), digest: digest) }
        }

        /// Calls `body` with the bytes.
        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            switch storage {
            case .borrowed(let buffer): body(buffer)
            case .owned(let array): array.withUnsafeBufferPointer(body)
            }
        }

        static func == (left: PromptBytes, right: PromptBytes) -> Bool {
            left.digest == right.digest
                && left.withBytes { left in
                    right.withBytes { right in
                        left.count == right.count
                            && (left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
                    }
                }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(digest)
        }
    }

    /// The index of the newline ending the line that starts at `start`, or the end of the file.
    private static func endOfLine(in file: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = file.baseAddress, let found = memchr(base + start, 0x0A, file.count - start) else {
            return file.count
        }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether a line holds nothing but whitespace (Unicode's, as a text editor shows it).
    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C) })
        else { return true }
        // Any other ASCII character is a character of its own, and not whitespace.
        guard first >= 0x80 else { return false }
        return String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
    }

    /// The recorded samples for the request's prompt: with a seed, those drawn with seeds
    /// `seed, seed+1, …` (a seeded `sample` asks for sample i alone, with seed + i); else 0..n-1.
    public func complete(_ request: CompletionRequest) async throws -> CompletionResponse {
        let prompt = request.prompt.canonicalText
        let bySeed = recordedBySeed[prompt] ?? [:]
        let useSeeds = request.parameters.seed != nil && !bySeed.isEmpty
        let forPrompt = useSeeds ? bySeed : recorded[prompt] ?? [:]
        var samples: [Sample] = []
        for offset in 0..<max(0, request.parameters.n) {
            try Task.checkCancellation()
            let index = useSeeds ? request.parameters.seed(forSample: offset) ?? offset : offset
            guard let sample = forPrompt[index] else {
                throw ReplayModelError.missingSample(
                    promptStart: String(prompt.prefix(60)), index: index, recorded: forPrompt.count)
            }
            samples.append(sample)
        }
        let tokens = samples.compactMap(\.completionTokens)
        return CompletionResponse(
            samples: samples,
            cost: Cost(
                promptTokens: samples.reduce(0) { $0 + ($1.promptTokens ?? 0) }, completionTokens: tokens.reduce(0, +)),
            tokenAccounting: tokens.count == samples.count ? .exact : .lowerBound)
    }

    static func row(
        _ line: [UInt8], line number: Int, promptTexts: inout [[JSONValue]: String]
    ) throws(ReplayModelError) -> (String, Int, Int?, Sample) {
        let value: JSONValue
        do {
            value = try JSONRowParser.parse(bytes: line)
        } catch {
            throw .invalidRow(line: number, reason: "not valid JSON: \(error.description)")
        }
        guard case .object(let fields) = value else { throw .invalidRow(line: number, reason: "not a JSON object") }
        let prompt: String
        switch fields["prompt"] {
        case .string(let text)?: prompt = text
        case .array(let messages)?:
            if let known = promptTexts[messages] {
                prompt = known
            } else {
                prompt = JSONValue.array(messages).jsonText
                promptTexts[messages] = prompt
            }
        case nil: throw .invalidRow(line: number, reason: "missing field \"prompt\"")
        default: throw .invalidRow(line: number, reason: "\"prompt\" is neither text nor a list of messages")
        }
        guard case .number(let indexText)? = fields["index"], let index = Int(indexText), index >= 0 else {
            throw .invalidRow(line: number, reason: "\"index\" must be a whole number from 0")
        }
        guard case .string(let text)? = fields["text"] else {
            throw .invalidRow(line: number, reason: "\"text\" must be a string")
        }
        var sample = Sample(text: text)
        if case .string(let reason)? = fields["finish_reason"] { sample.finishReason = reason }
        // Top level, or under `usage` as the store's export writes it.
        var completionTokens = fields["completion_tokens"]
        if completionTokens == nil, case .object(let usage)? = fields["usage"] {
            completionTokens = usage["completion_tokens"]
        }
        var promptTokens = fields["prompt_tokens"]
        if promptTokens == nil, case .object(let usage)? = fields["usage"] { promptTokens = usage["prompt_tokens"] }
        if let value = promptTokens, value != .null {
            guard case .number(let literal) = value, let tokens = Int(literal) else {
                throw .invalidRow(line: number, reason: "\"prompt_tokens\" must be a whole number")
            }
            sample.promptTokens = tokens
        }
        if let value = completionTokens, value != .null {
            guard case .number(let literal) = value, let tokens = Int(literal) else {
                throw .invalidRow(line: number, reason: "\"completion_tokens\" must be a whole number")
            }
            sample.completionTokens = tokens
        }
        if let value = fields["mean_logprob"], value != .null {
            guard case .number(let literal) = value, let mean = Double(literal) else {
                throw .invalidRow(line: number, reason: "\"mean_logprob\" must be a number")
            }
            sample.meanLogProbability = mean
        }
        var seed: Int?
        if case .number(let literal)? = fields["seed"] { seed = Int(literal) }
        return (prompt, index, seed, sample)
    }

    /// The fields of a row as ``row(_:line:promptTexts:)`` reads them, found by ``RecordedRowScanner``;
    /// ``RecordedRowScanner/Unsure`` where that reading could differ or fail.
    static func scannedRow(
        _ line: UnsafeBufferPointer<UInt8>
    ) throws(RecordedRowScanner.Unsure) -> (ScannedPrompt, Int, Int?, Sample) {
        var scanner = RecordedRowScanner(line)
        let fields = try scanner.rowFields()
        func integer(_ value: RecordedRowScanner.Value?) throws(RecordedRowScanner.Unsure) -> Int? {
            guard let value, value.kind != .null else { return nil }
            guard value.kind == .number, let integer = Int(scanner.literal(value)) else {
                throw RecordedRowScanner.Unsure()
            }
            return integer
        }
        guard let promptValue = fields.prompt, let indexValue = fields.index, let textValue = fields.text,
            let index = try integer(indexValue), index >= 0
        else { throw RecordedRowScanner.Unsure() }
        let promptRange: Range<Int>
        switch promptValue.kind {
        case .string: promptRange = promptValue.range.lowerBound - 1..<promptValue.range.upperBound + 1
        case .array: promptRange = promptValue.range
        default: throw RecordedRowScanner.Unsure()
        }
        guard case .string = textValue.kind else { throw RecordedRowScanner.Unsure() }
        var sample = Sample(text: scanner.string(textValue))
        if let reason = fields.finishReason, case .string = reason.kind { sample.finishReason = scanner.string(reason) }
        // Top level, or under `usage` as the store's export writes it.
        let usage = try fields.usage.flatMap { (value) throws(RecordedRowScanner.Unsure) in
            value.kind == .object ? try scanner.fields(of: value) : nil
        }
        sample.promptTokens = try integer(fields.promptTokens ?? usage?.promptTokens)
        sample.completionTokens = try integer(fields.completionTokens ?? usage?.completionTokens)
        if let value = fields.meanLogProbability, value.kind != .null {
            guard value.kind == .number, let mean = Double(scanner.literal(value)) else {
                throw RecordedRowScanner.Unsure()
            }
            sample.meanLogProbability = mean
        }
        let seed = fields.seed.flatMap { $0.kind == .number ? Int(scanner.literal($0)) : nil }
        let prompt = ScannedPrompt(
            bytes: PromptBytes(borrowing: UnsafeBufferPointer(rebasing: line[promptRange])), scanner: scanner,
            value: promptValue)
        return (prompt, index, seed, sample)
    }
}
