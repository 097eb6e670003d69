import ChorusTestSupport
import Testing

@testable import ChorusEngine

@Suite struct ReplayModelTests {
    let file = #"""
        {"prompt": "Q: 2+2?", "index": 1, "text": "5", "finish_reason": "stop", "completion_tokens": 1}
        {"prompt": "Q: 2+2?", "index": 0, "text": "4", "completion_tokens": 2, "mean_logprob": -0.25}

        {"prompt": [{"role": "user", "content": "hi"}], "index": 0, "text": "hello"}
        """#

    @Test func answersWithTheRecordedSamplesInIndexOrder() async throws {
        let model = try ReplayModel(jsonl: file, identity: "replay:t")
        let response = try await model.complete(
            CompletionRequest(
                prompt: .text("Q: 2+2?"),
                parameters: SamplingParameters(n: 2, temperature: nil, maxTokens: nil)))
        #expect(
            response.samples == [
                Sample(text: "4", completionTokens: 2, meanLogProbability: -0.25),
                Sample(text: "5", finishReason: "stop", completionTokens: 1),
            ])
        #expect(response.cost == Cost(completionTokens: 3))
        #expect(model.identity == "replay:t")
    }

    @Test func chatPromptsMatchByTheirMessages() async throws {
        let model = try ReplayModel(jsonl: file, identity: "replay:t")
        let response = try await model.complete(CompletionRequest(prompt: .chat([.user("hi")])))
        #expect(response.samples.map(\.text) == ["hello"])
        #expect(CompletionRequest.Prompt.chat([.user("hi")]).canonicalText == #"[{"content":"hi","role":"user"}]"#)
    }

    /// Windows line ends and lines of only (Unicode) whitespace read as the plain file does; a
    /// prompt's many rows share one text.
    @Test func crlfLinesAndBlankLinesReadAsThePlainFile() async throws {
        let crlf = file.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n \u{00A0}\t\r\n"
        let model = try ReplayModel(jsonl: crlf, identity: "replay:t")
        let response = try await model.complete(
            CompletionRequest(
                prompt: .text("Q: 2+2?"), parameters: SamplingParameters(n: 2, temperature: nil, maxTokens: nil)))
        #expect(response.samples.map(\.text) == ["4", "5"])
        let chat = try await model.complete(CompletionRequest(prompt: .chat([.user("hi")])))
        #expect(chat.samples.map(\.text) == ["hello"])
    }

    @Test func aMissingSampleNamesThePromptsStart() async throws {
        let model = try ReplayModel(jsonl: file, identity: "replay:t")
        await #expect(throws: ReplayModelError.missingSample(promptStart: "Q: 2+2?", index: 2, recorded: 2)) {
            try await model.complete(
                CompletionRequest(
                    prompt: .text("Q: 2+2?"),
                    parameters: SamplingParameters(n: 3, temperature: nil, maxTokens: nil)))
        }
        let long = String(repeating: "long prompt ", count: 20)
        do {
            _ = try await model.complete(CompletionRequest(prompt: .text(long)))
            Issue.record("answered an unknown prompt")
        } catch let error as ReplayModelError {
            #expect(error.description.hasPrefix("no recorded sample 0 for the prompt \"long prompt long"))
            #expect(error.description.contains("(0 recorded)"))
        }
    }

    @Test func badRowsNameTheirLine() {
        #expect(throws: ReplayModelError.invalidRow(line: 2, reason: #""index" must be a whole number from 0"#)) {
            try ReplayModel(jsonl: "\n{\"prompt\":\"p\",\"index\":-1,\"text\":\"x\"}", identity: "r")
        }
        #expect(throws: ReplayModelError.invalidRow(line: 1, reason: #"missing field "prompt""#)) {
            try ReplayModel(jsonl: #"{"index":0,"text":"x"}"#, identity: "r")
        }
        #expect(throws: ReplayModelError.duplicateSample(line: 2, index: 0)) {
            try ReplayModel(
                jsonl: "{\"prompt\":\"p\",\"index\":0,\"text\":\"x\"}\n{\"prompt\":\"p\",\"index\":0,\"text\":\"y\"}",
                identity: "r")
        }
        #expect(throws: ReplayModelError.self) { try ReplayModel(jsonl: "{\"prompt\":", identity: "r") }
        // The same sample twice with the same text (an export holding it under two models) is one answer.
        #expect(throws: Never.self) {
            try ReplayModel(
                jsonl: "{\"prompt\":\"p\",\"index\":0,\"text\":\"x\"}\n{\"prompt\":\"p\",\"index\":0,\"text\":\"x\"}",
                identity: "r")
        }
    }

    /// A file read in blocks of any size, cutting lines and prompts anywhere, reads as the whole text
    /// does, and a bad row names its line in the file.
    @Test func aFileReadInBlocksReadsAsTheWholeText() throws {
        let folder = try TemporaryFolder()
        let rows = file + "\n" + file.replacingOccurrences(of: "Q: 2+2?", with: "Q: 3+3?") + "\n\r\n"
        let path = try folder.write(rows, to: "samples.jsonl")
        let whole = try ReplayModel(jsonl: rows, identity: "r")
        #expect(whole.recorded.count == 3)
        // Line 9 holds only a carriage return; line 10 records sample 0 again.
        let badRows = rows + #"{"prompt":"Q: 2+2?","index":0,"text":"9"}"#
        let bad = try folder.write(badRows, to: "bad.jsonl")
        #expect(throws: ReplayModelError.duplicateSample(line: 10, index: 0)) {
            try ReplayModel(jsonl: badRows, identity: "r")
        }
        for blockSize in 1...120 {
            let model = try ReplayModel(path: path, blockSize: blockSize)
            #expect(model.recorded == whole.recorded, "blocks of \(blockSize)")
            #expect(throws: ReplayModelError.duplicateSample(line: 10, index: 0), "blocks of \(blockSize)") {
                try ReplayModel(path: bad, blockSize: blockSize)
            }
        }
    }

    /// A block scanned in pieces at once reads as in one piece, whatever the number of pieces, and a
    /// bad row names its line in the file.
    @Test func aBlockScannedInPiecesReadsAsInOne() throws {
        let rows = (0..<40).map { #"{"prompt":"p\#($0 % 3)","index":\#($0 / 3),"text":"answer \#($0)"}"# }
        let text = rows.joined(separator: "\n") + "\n\n" + rows[0] + "\n"
        let whole = try ReplayModel(jsonl: text, identity: "r")
        #expect(whole.recorded.count == 3)
        let bad = text + #"{"prompt":"p0","index":0,"text":"another"}"#
        for pieces in 1...9 {
            let model = try ReplayModel(jsonl: Array(text.utf8), identity: "r", pieces: pieces)
            #expect(model.recorded == whole.recorded, "\(pieces) pieces")
            #expect(throws: ReplayModelError.duplicateSample(line: 43, index: 0), "\(pieces) pieces") {
                try ReplayModel(jsonl: Array(bad.utf8), identity: "r", pieces: pieces)
            }
        }
    }

    /// A load stops between blocks once its task is cancelled.
    @Test func aCancelledLoadStops() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(file, to: "samples.jsonl")
        let task = Task {
            while !Task.isCancelled { await Task.yield() }
            return try ReplayModel(path: path, blockSize: 64)
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func loadsAFileWithItsPathAsIdentity() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(file, to: "samples.jsonl")
        let model = try ReplayModel(path: path)
        #expect(model.identity == "replay:\(path)")
        #expect(throws: ReplayModelError.unreadable(path: folder.path("none.jsonl"))) {
            try ReplayModel(path: folder.path("none.jsonl"))
        }
    }
}

@Suite struct ReplayModelExportTests {
    @Test func answersFromTheStoresOwnExport() async throws {
        let problem = Problem(id: "p", question: "What is 6 × 7?", goldAnswer: "42", source: "hand")
        let messages = PromptTemplate.standard.messages(for: problem)
        let stored = (0..<2).map { index in
            StoredSample(
                modelIdentity: "local:m", problemID: "p", prompt: PromptTemplate.standard.promptDocument(for: problem),
                parameters: SamplingParameters(n: 2).keyDocument, seed: 1, sampleIndex: index,
                sample: Sample(text: "so \\boxed{\(42 + index)}", finishReason: "stop", completionTokens: 5),
                createdAt: ManualClock().date())
        }
        let model = try ReplayModel(
            jsonl: stored.map(\.jsonLine).joined(separator: "\n"), identity: "replay:export.jsonl")
        let response = try await model.complete(
            CompletionRequest(
                prompt: .chat(messages.map { ChatMessage(role: $0.role, content: $0.content) }),
                parameters: SamplingParameters(n: 2, temperature: nil, maxTokens: nil)))
        #expect(response.samples.map(\.text) == ["so \\boxed{42}", "so \\boxed{43}"])
        #expect(response.samples.map(\.completionTokens) == [5, 5])
    }
}

@Suite struct ReplayModelSeedTests {
    @Test func aSeededRequestGetsTheSampleDrawnWithThatSeed() async throws {
        let rows = (0..<3).map { #"{"prompt":"p","seed":10,"index":\#($0),"text":"answer \#($0)"}"# }
        let model = try ReplayModel(jsonl: rows.joined(separator: "\n"), identity: "r")
        // Sample i of a seeded run is asked for alone, with seed 10 + i.
        let second = try await model.complete(
            CompletionRequest(
                prompt: .text("p"),
                parameters: SamplingParameters(n: 1, temperature: nil, maxTokens: nil, seed: 11)))
        #expect(second.samples.map(\.text) == ["answer 1"])
        let lastTwo = try await model.complete(
            CompletionRequest(
                prompt: .text("p"),
                parameters: SamplingParameters(n: 2, temperature: nil, maxTokens: nil, seed: 11)))
        #expect(lastTwo.samples.map(\.text) == ["answer 1", "answer 2"])
        // Without a seed, by index.
        let unseeded = try await model.complete(
            CompletionRequest(
                prompt: .text("p"),
                parameters: SamplingParameters(n: 2, temperature: nil, maxTokens: nil)))
        #expect(unseeded.samples.map(\.text) == ["answer 0", "answer 1"])
        await #expect(throws: ReplayModelError.self) {
            _ = try await model.complete(
                CompletionRequest(
                    prompt: .text("p"),
                    parameters: SamplingParameters(n: 1, temperature: nil, maxTokens: nil, seed: 13)))
        }
    }

    /// Rows for the scanner and the full parser to read side by side: escapes, `\u`, null and nested
    /// token counts, repeated names, odd numbers, whitespace, bad bytes, long strings, and rows that are not
    /// valid.
    static let rowsToCompare: [(line: [UInt8], scanned: Bool)] = [
        (Array(#"{"prompt":"p","index":0,"text":"a\nb \"q\" \\ \/ \t\b\f\r","finish_reason":"stop"}"#.utf8), true),
        (Array(#"{"prompt":"p","index":0,"text":"caf\u00e9 \ud83d\ude00"}"#.utf8), false),
        (
            Array(
                #"{"prompt":[{"role":"user","content":"hi"}],"index":3,"text":"x","seed":7,"usage":{"completion_tokens":5,"prompt_tokens":2}}"#
                    .utf8), true
        ),
        (
            Array(
                #"{"prompt":[{"content":"hi","role":"user"}],"index":3,"text":"x","completion_tokens":null,"usage":{"completion_tokens":5,"prompt_tokens":6}}"#
                    .utf8), true
        ),
        (Array(#"{"text":"a","prompt":"p","index":0,"text":"b","index":4}"#.utf8), true),
        (Array(#"{"prompt":"p","index":1.0,"text":"x"}"#.utf8), false),
        (Array(#"{"prompt":"p","index":-0,"text":"x"}"#.utf8), true),
        (Array(#"{"prompt":"p","index":1e2,"text":"x"}"#.utf8), false),
        (Array(#"{"prompt":"p","index":0,"text":"x","mean_logprob":-1.5e-3,"seed":"s"}"#.utf8), true),
        (Array(#"{"prompt":"p","index":0,"text":"x","mean_logprob":"a"}"#.utf8), false),
        (
            Array(
                #"{"prompt":"p","index":0,"text":"x","extra":{"deep":[[[[1,2,{"a":null}]]]],"b":true,"c":false}}"#.utf8),
            true
        ),
        (Array(#"{"prompt":"p","index":0,"text":"x"} trailing"#.utf8), false),
        (Array(#"{"prompt":"p","index":0,"text":"x",}"#.utf8), false),
        (Array(#"{"pro\u006dpt":"q","prompt":"p","index":0,"text":"x"}"#.utf8), false),
        (Array(" \t{\"prompt\" : \"p\" , \"index\" : 2 , \"text\" : \"x\" }\r".utf8), true),
        (Array(#"{"prompt":"p","index":0,"text":"bad "#.utf8) + [0x01] + Array(#""}"#.utf8), false),
        (Array(#"{"prompt":"p","index":0,"text":"bad "#.utf8) + [0xFF, 0xC3] + Array(#" bytes"}"#.utf8), true),
        (Array(#"{"prompt":"p","index":0,"text":"x","finish_reason":5,"seed":2.5}"#.utf8), true),
        (Array(#"{"prompt":"p","index":01,"text":"x"}"#.utf8), false),
        (Array(#"[1,2]"#.utf8), false),
        (Array(#"{"prompt":"p","index":0,"text":"x","usage":{"prompt_tokens":1.5}}"#.utf8), false),
        (Array(#"{"prompt":"p","index":9223372036854775808,"text":"x"}"#.utf8), false),
        (
            Array(
                (#"{"prompt":"p","index":0,"text":"x","e":"# + String(repeating: "[", count: 100)
                    + String(repeating: "]", count: 100) + "}").utf8), false
        ),
        (Array(#"{"prompt":"p","index":0,"text":"x","t":tru}"#.utf8), false),
        (Array(#"{"prompt":5,"index":0,"text":"x"}"#.utf8), false),
        (Array(#"{"prompt":"p","index":0,"text":"a\qb"}"#.utf8), false),
        (Array(#"{"prompt":"p","index":0,"text":"cut"#.utf8), false),
        (Array(#"{"prompt":"p","index":0,"text":"bad \n"#.utf8) + [0xFF] + Array(#" after an escape"}"#.utf8), true),
        (
            Array(
                #"{"prompt":"a prompt longer than eight bytes","index":12,"text":"0123456789abcdef\"01234567\\89abcdefg\/h"}"#
                    .utf8), true
        ),
        (
            Array(#"{"prompt":"p","index":0,"text":"0123456789abcdef"#.utf8) + [0x1F] + Array(#"0123456789"}"#.utf8),
            false
        ),
    ]

    /// Whatever row the scanner reads, the full parser reads too, to the same prompt, index, seed and
    /// sample; the rows it leaves are the unusual ones.
    @Test(arguments: 0..<rowsToCompare.count) func theScannerReadsRowsAsTheFullParserDoes(_ number: Int) throws {
        let (line, scannable) = Self.rowsToCompare[number]
        let scanned = line.withUnsafeBufferPointer { buffer in
            (try? ReplayModel.scannedRow(buffer)).map { ($0.0.text(), $0.1, $0.2, $0.3) }
        }
        #expect((scanned != nil) == scannable, "\(String(decoding: line, as: UTF8.self))")
        guard let scanned else { return }
        var promptTexts: [[JSONValue]: String] = [:]
        let full = try ReplayModel.row(line, line: 1, promptTexts: &promptTexts)
        #expect(scanned.0 == full.0)
        #expect(scanned.1 == full.1 && scanned.2 == full.2 && scanned.3 == full.3)
    }
}
