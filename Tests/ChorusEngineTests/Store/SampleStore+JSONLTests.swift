import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@Suite("Sample store export and import")
struct SampleStoreJSONLTests {
    @Test func exportThenImportGivesIdenticalSamples() async throws {
        let folder = try TemporaryFolder()
        let source = try SQLiteSampleStore(path: folder.path("source.sqlite"))
        let samples = SampleFixtures.samples(problems: 12, perProblem: 60)
        try await source.save(contentsOf: samples)
        let exported = try await source.exportJSONL(to: folder.path("samples.jsonl"))
        #expect(exported == samples.count)

        let copy = try SQLiteSampleStore(path: folder.path("copy.sqlite"))
        let report = try await copy.importJSONL(from: folder.path("samples.jsonl"))
        #expect(report == ImportReport(added: samples.count, alreadyPresent: 0))
        let found = try await copy.samples(for: samples.map(\.key))
        #expect(samples.allSatisfy { found[$0.key] == $0 })

        // A second export of the copy is byte for byte the first.
        try await copy.exportJSONL(to: folder.path("again.jsonl"))
        #expect(
            FileManager.default.contents(atPath: folder.path("again.jsonl"))
                == FileManager.default.contents(atPath: folder.path("samples.jsonl")))
    }

    @Test func importCountsWhatWasAlreadyPresent() async throws {
        let folder = try TemporaryFolder()
        let samples = SampleFixtures.samples(problems: 2, perProblem: 5)
        try await InMemorySampleStore(samples).exportJSONL(to: folder.path("all.jsonl"))
        let store: any SampleStore = InMemorySampleStore(Array(samples.prefix(4)))
        let report = try await store.importJSONL(from: folder.path("all.jsonl"))
        #expect(report == ImportReport(added: 6, alreadyPresent: 4))
        #expect(report.description == "6 new samples, 4 already in the store")
        #expect(
            try await store.importJSONL(from: folder.path("all.jsonl")) == ImportReport(added: 0, alreadyPresent: 10))
    }

    @Test func blankLinesAndRepeatsAreFine() async throws {
        let folder = try TemporaryFolder()
        let line = SampleFixtures.sample(index: 0).jsonLine
        let path = try folder.write("\n\(line)\r\n\n\(line)\n", to: "repeat.jsonl")
        let store: any SampleStore = InMemorySampleStore()
        #expect(try await store.importJSONL(from: path) == ImportReport(added: 1, alreadyPresent: 1))
    }

    @Test func tamperedLineIsRejectedWithItsLineNumber() async throws {
        let folder = try TemporaryFolder()
        let lines = SampleFixtures.samples(problems: 1, perProblem: 5).map(\.jsonLine)
        var tampered = lines
        tampered[2] = tampered[2].replacingOccurrences(of: #""index":2"#, with: #""index":7"#)
        let path = try folder.write(tampered.joined(separator: "\n") + "\n", to: "tampered.jsonl")
        let store: any SampleStore = InMemorySampleStore()
        let error = await #expect(throws: SampleStoreError.self) { try await store.importJSONL(from: path) }
        guard case .invalidLine(let file, let line, let reason)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(file == path)
        #expect(line == 3)
        #expect(reason.contains("key does not match"))
        #expect(error?.description.hasPrefix("\(path):3: ") == true)
        #expect(try await store.count() == 0)  // nothing from a bad file is imported
    }

    @Test func invalidJSONNamesItsLine() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(SampleFixtures.sample(index: 0).jsonLine + "\n{\"key\": \n", to: "broken.jsonl")
        let error = await #expect(throws: SampleStoreError.self) {
            try await InMemorySampleStore().importJSONL(from: path)
        }
        guard case .invalidLine(_, 2, let reason)? = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(reason.hasPrefix("not valid JSON"))
    }

    @Test func unreadableFilesAreErrors() async throws {
        let folder = try TemporaryFolder()
        let store: any SampleStore = InMemorySampleStore()
        await #expect(throws: SampleStoreError.file(path: folder.path("none.jsonl"), reason: "no such file")) {
            try await store.importJSONL(from: folder.path("none.jsonl"))
        }
        await #expect(throws: SampleStoreError.self) {
            try await store.exportJSONL(to: folder.path("missing/out.jsonl"))
        }
    }
}
