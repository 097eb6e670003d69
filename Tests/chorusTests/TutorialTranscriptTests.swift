import Foundation
import Testing

/// Every tutorial replays to its golden transcript (`chorus run --echo`, both streams).
@Suite struct TutorialTranscriptTests {
    static var tutorials: [URL] {
        let folder = ChorusProcess.packageRoot.appendingPathComponent("tutorials")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".chorus") }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test func thereAreTutorials() {
        #expect(!Self.tutorials.isEmpty)
    }

    @Test(arguments: tutorials)
    func tutorialMatchesItsGoldenTranscript(_ tutorial: URL) throws {
        let golden = tutorial.deletingPathExtension().appendingPathExtension("golden")
        let expected = try String(contentsOf: golden, encoding: .utf8)
        let shell = URL(fileURLWithPath: "/bin/sh")
        let binary = try ChorusProcess.binary.path
        let result = try ChorusProcess.run(
            shell, ["-c", "\"$0\" run --echo \"$1\" 2>&1", binary, "tutorials/" + tutorial.lastPathComponent],
            workingDirectory: ChorusProcess.packageRoot)
        #expect(result.status == 0)
        #expect(result.standardOutput == expected, "regenerate with scripts/update-goldens after checking the change")
    }
}
