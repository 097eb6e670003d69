import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

/// Every tutorial replays to its golden transcript (`chorus run --echo`, both streams), each with a
/// fresh, empty sample store, and `CHORUS_OFFLINE=1` makes sure no model runs: a tutorial that
/// samples a model on Chorus's own problems imports the samples recorded for it
/// (`tutorials/fixtures/`) itself, as it does on a fresh machine; one on an installed benchmark gets
/// them put into its store first (their prompts are rebuilt from the benchmark). The same run writes
/// the tutorial as a notebook (`--notebook`), which must equal `tutorials/NAME.ipynb` apart from its
/// date, and whose outputs, as text, are the golden transcript. `CHORUS_UPDATE_GOLDENS=1`
/// (scripts/update-goldens) rewrites the goldens and notebooks instead of comparing.
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
        // The store is where a user's is by default, so the notebook names it the same for everyone.
        let dataHome = data.appendingPathComponent(".local/share")
        if let fixture = RecordedSamples.fixture(of: tutorial), RecordedSamples.needsBenchmarks(fixture) {
            let folder = dataHome.appendingPathComponent("chorus")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try await RecordedSamples.fill(
                storePath: folder.appendingPathComponent("samples.sqlite").path, from: fixture)
        }
        let shell = URL(fileURLWithPath: "/bin/sh")
        let binary = try ChorusProcess.binary.path
        let written = data.appendingPathComponent("tutorial.ipynb")
        let result = try ChorusProcess.run(
            shell,
            [
                "-c", "\"$0\" run --echo \"$1\" --notebook \"$2\" 2>&1", binary,
                "tutorials/" + tutorial.lastPathComponent, written.path,
            ],
            environment: [
                "HOME": data.path, "XDG_DATA_HOME": dataHome.path, "CHORUS_OFFLINE": "1",
                // The installed benchmarks stay where they are.
                "CHORUS_CACHE": ChorusFolders.cache(environment: ProcessInfo.processInfo.environment),
            ],
            workingDirectory: work)
        let golden = tutorial.deletingPathExtension().appendingPathExtension("golden")
        let notebook = tutorial.deletingPathExtension().appendingPathExtension("ipynb")
        // Plots the tutorial drew have goldens too: `tutorials/NAME.FILE.svg`.
        let plots = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasSuffix(".svg") }
            .sorted()
        let plotGolden = { (file: String) in
            tutorial.deletingPathExtension().appendingPathExtension(file)
        }
        if ProcessInfo.processInfo.environment["CHORUS_UPDATE_GOLDENS"] == "1" {
            try result.standardOutput.write(to: golden, atomically: false, encoding: .utf8)
            try Data(contentsOf: written).write(to: notebook)
            for file in plots {
                try Data(contentsOf: work.appendingPathComponent(file)).write(to: plotGolden(file))
            }
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(result.status == 0)
        #expect(result.standardOutput == expected, "regenerate with scripts/update-goldens after checking the change")
        let committed = try NotebookTranscript(contentsOf: notebook)
        #expect(committed.transcript == expected, "\(notebook.lastPathComponent) does not show the golden transcript")
        #expect(
            try NotebookTranscript(contentsOf: written).undated == committed.undated,
            "\(notebook.lastPathComponent) differs from the run; regenerate with scripts/update-goldens")
        for file in plots {
            let drawn = try String(contentsOf: work.appendingPathComponent(file), encoding: .utf8)
            let expectedPlot = try String(contentsOf: plotGolden(file), encoding: .utf8)
            #expect(drawn == expectedPlot, "\(file) differs from its golden; regenerate with scripts/update-goldens")
        }
    }
}
