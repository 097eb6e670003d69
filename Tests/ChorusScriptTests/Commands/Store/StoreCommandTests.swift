import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite("store, export and import")
struct StoreCommandTests {
    static func folder() throws -> String {
        try TemporaryFolder(removedWhenReleased: false).location
    }

    @Test func samplesTravelThroughAnExportIntoAnotherStore() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let replay = try SampleCommandTests.replayFile(count: 2, texts: ["\\boxed{19/30}", "\\boxed{1}"])
        let first = Harness()
        let result = await first.run(
            """
            store "\(folder)/a.sqlite"
            gen = model "replay:\(replay)"
            data = builtin arithmetic count: 2 seed: 1
            s = sample gen data n: 2 seed: 1
            export "\(folder)/samples.jsonl"
            """)
        #expect(result == report(succeeded: 5))
        #expect(
            first.output.output == """
                store: \(folder)/a.sqlite (0 samples)
                exported 4 samples to \(folder)/samples.jsonl

                """)
        let second = Harness()
        let again = await second.run(
            """
            store "\(folder)/b.sqlite"
            import "\(folder)/samples.jsonl"
            import "\(folder)/samples.jsonl"
            gen = model "replay:\(replay)"
            data = builtin arithmetic count: 2 seed: 1
            s = sample gen data n: 2 seed: 1
            """)
        #expect(again == report(succeeded: 6))
        #expect(second.output.output.contains("imported 4 new samples from \(folder)/samples.jsonl (0 already stored)"))
        #expect(second.output.output.contains("imported 0 new samples from \(folder)/samples.jsonl (4 already stored)"))
        #expect(second.output.error.contains("sample: 4 from the store, 0 drawn"))
    }

    @Test func exportKeepsAnExistingFile() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "keep me".write(toFile: folder + "/x.jsonl", atomically: true, encoding: .utf8)
        let harness = await Harness.running("export \"\(folder)/x.jsonl\"", expecting: report(failed: 1))
        #expect(harness.output.error.contains("already exists"))
        #expect(try String(contentsOfFile: folder + "/x.jsonl", encoding: .utf8) == "keep me")
    }

    @Test func importOfATamperedLineNamesTheLine() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let replay = try SampleCommandTests.replayFile(count: 1, texts: ["\\boxed{1}"])
        let harness = Harness()
        await harness.run(
            """
            gen = model "replay:\(replay)"
            data = builtin arithmetic count: 1 seed: 1
            s = sample gen data n: 1
            export "\(folder)/s.jsonl"
            """)
        let exported = try String(contentsOfFile: folder + "/s.jsonl", encoding: .utf8)
        try exported.replacingOccurrences(of: "\"index\":0", with: "\"index\":7")
            .write(toFile: folder + "/s.jsonl", atomically: true, encoding: .utf8)
        let other = Harness()
        #expect(await other.run("import \"\(folder)/s.jsonl\"") == report(failed: 1))
        #expect(other.output.error.contains("s.jsonl:1: the key does not match"), "\(other.output.error)")
        #expect(other.output.error.contains("nothing was imported"))
    }

    @Test func aStoreThatCannotBeOpenedIsExplained() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "not a database".write(toFile: folder + "/text.sqlite", atomically: true, encoding: .utf8)
        let harness = await Harness.running("store \"\(folder)/text.sqlite\"", expecting: report(failed: 1))
        #expect(harness.output.error.contains("cannot use"))
    }
}
