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

    /// A script that samples 2 built-in problems twice each, from `replay`, into the store at `path`.
    static func sampling(into path: String, replay: String) -> String {
        """
        store "\(path)"
        gen = model "replay:\(replay)"
        data = builtin arithmetic count: 2 seed: 1
        s = sample gen data n: 2 seed: 1
        """
    }

    @Test func backupWritesACompleteStoreFile() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let replay = try SampleCommandTests.replayFile(count: 2, texts: ["\\boxed{19/30}", "\\boxed{1}"])
        let harness = Harness()
        let result = await harness.run(
            Self.sampling(into: "\(folder)/a.sqlite", replay: replay) + """

                store backup: "\(folder)/copies/b.sqlite"
                store backup: "\(folder)/copies/b.sqlite"
                """)
        #expect(result == report(succeeded: 5, failed: 1))
        #expect(harness.output.output.contains("store: backed up 4 samples to \(folder)/copies/b.sqlite\n"))
        #expect(harness.output.error.contains("already exists"))
        let copy = try SQLiteSampleStore(path: "\(folder)/copies/b.sqlite")
        #expect(try await copy.count() == 4)
    }

    /// A store that cannot be written still answers from what it holds; samples drawn on top are kept
    /// for the session (a rerun of the line draws nothing), a warning says so and names the commands
    /// that save them, and `store backup:` does save them.
    @Test func aReadOnlyStoreKeepsNewSamplesAndSaysWhereToSaveThem() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let replay = try SampleCommandTests.replayFile(count: 2, texts: ["\\boxed{19/30}", "\\boxed{1}", "\\boxed{2}"])
        let first = Harness()
        await first.run(Self.sampling(into: "\(folder)/a.sqlite", replay: replay))
        await first.session.services.shutdown()
        let output = CapturedOutput()
        let session = Session(
            output: output,
            services: SessionServices(
                environment: [:], store: try SQLiteSampleStore(path: "\(folder)/a.sqlite", readOnly: true)))
        let result = await session.execute(
            SourceFile(
                name: "t.chorus",
                text: """
                    gen = model "replay:\(replay)"
                    data = builtin arithmetic count: 2 seed: 1
                    s = sample gen data n: 3 seed: 1
                    again = sample gen data n: 3 seed: 1
                    store backup: "\(folder)/b.sqlite"
                    """))
        #expect(result == report(succeeded: 5))
        #expect(output.error.contains("sample: 4 from the store, 2 drawn from replay:\(replay)"))
        #expect(
            output.error.contains(
                "warning: the sample store \(folder)/a.sqlite cannot be written: 2 new samples are kept in memory for this session only"
            ), "\(output.error)")
        #expect(output.error.contains("`store backup: \"FILE\"` writes them"))
        #expect(output.error.contains("sample: 6 from the store, 0 drawn"))
        #expect(output.output.contains("store: backed up 6 samples to \(folder)/b.sqlite"))
        #expect(try await SQLiteSampleStore(path: "\(folder)/a.sqlite").count() == 4)
    }

    /// The same script run twice on one store prints the same bytes: the rerun reads everything back.
    @Test func aRerunFromTheStorePrintsTheSameOutput() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let replay = try SampleCommandTests.replayFile(
            count: 3, texts: ["\\boxed{19/30}", "\\boxed{1}", "\\boxed{19/30}", "\\boxed{65}"])
        let script = """
            store "\(folder)/a.sqlite"
            gen = model "replay:\(replay)"
            data = builtin arithmetic count: 3 seed: 1
            s = sample gen data n: 4
            metrics s ks: [1, 2, 4]
            v = vote s k: 4
            compare s v
            """
        var outputs: [String] = []
        var errors: [String] = []
        for _ in 0..<2 {
            let harness = Harness()
            #expect(await harness.run(script) == report(succeeded: 7))
            await harness.session.services.shutdown()
            // The first line counts the samples already stored: 0, then 12.
            outputs.append(
                harness.output.output.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(
                    separator: "\n"))
            errors.append(harness.output.error)
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].contains("maj@"))
        #expect(errors[1].contains("sample: 12 from the store, 0 drawn"))
    }
}
