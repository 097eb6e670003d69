import ChorusTestSupport
import Foundation
import Testing

/// Every tutorial replays to its golden transcript (`chorus run --echo`, both streams), each with a
/// fresh, empty sample store; a tutorial that samples a model replays the samples recorded for it
/// (`tutorials/fixtures/`), and `CHORUS_OFFLINE=1` makes sure no model runs. `CHORUS_UPDATE_GOLDENS=1` (scripts/update-goldens)
/// rewrites the goldens instead of comparing.
@Suite struct TutorialTranscriptTests {
    static var tutorials: [URL] {
        let folder = ChorusProcess.packageRoot.appendingPathComponent("tutorials")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".chorus") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Tutorials that need the installed benchmarks (their recorded prompts are rebuilt from them).
    static var onBenchmarks: [URL] {
        tutorials.filter { RecordedSamples.fixture(of: $0).map(RecordedSamples.needsBenchmarks) ?? false }
    }
    /// The rest: no data beyond the repository's.
    static var selfContained: [URL] { tutorials.filter { !onBenchmarks.contains($0) } }

    @Test func thereAreTutorials() {
        #expect(!Self.selfContained.isEmpty)
        #expect(!Self.onBenchmarks.isEmpty)
    }

    @Test(arguments: selfContained)
    func tutorialMatchesItsGoldenTranscript(_ tutorial: URL) async throws {
        try await Self.replay(tutorial)
    }

    @Test(
        .enabled(
            if: RecordedSamples.benchmarksInstalled, "the benchmarks are not installed: run scripts/setup-datasets"),
        arguments: onBenchmarks)
    func tutorialOnABenchmarkMatchesItsGoldenTranscript(_ tutorial: URL) async throws {
        try await Self.replay(tutorial)
    }

    static func replay(_ tutorial: URL) async throws {
        // A folder of its own: a fresh data folder (so an empty store) and a copy of tutorials/ to run
        // in, so the files a tutorial writes never land in the repository.
        let data = try TemporaryFolder(removedWhenReleased: false).url
        defer { try? FileManager.default.removeItem(at: data) }
        let work = data.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: tutorial.deletingLastPathComponent(), to: work.appendingPathComponent("tutorials"))
        if let fixture = RecordedSamples.fixture(of: tutorial) {
            let folder = data.appendingPathComponent("chorus")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try await RecordedSamples.fill(
                storePath: folder.appendingPathComponent("samples.sqlite").path, from: fixture)
        }
        let shell = URL(fileURLWithPath: "/bin/sh")
        let binary = try ChorusProcess.binary.path
        let result = try ChorusProcess.run(
            shell, ["-c", "\"$0\" run --echo \"$1\" 2>&1", binary, "tutorials/" + tutorial.lastPathComponent],
            environment: ["XDG_DATA_HOME": data.path, "CHORUS_OFFLINE": "1"], workingDirectory: work)
        let golden = tutorial.deletingPathExtension().appendingPathExtension("golden")
        // Plots the tutorial drew have goldens too: `tutorials/NAME.FILE.svg`.
        let plots = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasSuffix(".svg") }
            .sorted()
        let plotGolden = { (file: String) in
            tutorial.deletingPathExtension().appendingPathExtension(file)
        }
        if ProcessInfo.processInfo.environment["CHORUS_UPDATE_GOLDENS"] == "1" {
            try result.standardOutput.write(to: golden, atomically: false, encoding: .utf8)
            for file in plots {
                try Data(contentsOf: work.appendingPathComponent(file)).write(to: plotGolden(file))
            }
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(result.status == 0)
        #expect(result.standardOutput == expected, "regenerate with scripts/update-goldens after checking the change")
        for file in plots {
            let drawn = try String(contentsOf: work.appendingPathComponent(file), encoding: .utf8)
            let expectedPlot = try String(contentsOf: plotGolden(file), encoding: .utf8)
            #expect(drawn == expectedPlot, "\(file) differs from its golden; regenerate with scripts/update-goldens")
        }
    }
}
