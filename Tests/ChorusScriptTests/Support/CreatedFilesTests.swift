import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite("Files a session created replay")
struct CreatedFilesTests {
    static let samples = """
        data = builtin arithmetic count: 2 seed: 1
        s = responses data [["#### 3", "#### 4"], ["#### 5", "#### 5"]]
        """

    @Test("a statement that created a file is kept with overwrite: true; the saved script replays twice")
    func replays() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plot = (folder as NSString).appendingPathComponent("myplot.svg")
        let other = (folder as NSString).appendingPathComponent("other.svg")
        let before = (folder as NSString).appendingPathComponent("before.svg")
        try "old".write(toFile: before, atomically: true, encoding: .utf8)
        let harness = Harness()
        await harness.run(Self.samples)
        await harness.run(
            """
            plot s ks: [1] file: \(quoted(plot))
            p = (plot s ks: [1] file: \(quoted(plot)) overwrite: true)
            plot s ks: [2] file: \(quoted(other)) overwrite: false
            plot s ks: [1] file: \(quoted(before)) overwrite: true
            plot s ks: [1] file: \(quoted(before))
            """)
        let kept = await harness.session.transcript.map(\.text)
        #expect(
            kept.suffix(4) == [
                "plot s ks: [1] file: \(quoted(plot)) overwrite: true",
                "p = (plot s ks: [1] file: \(quoted(plot)) overwrite: true)",
                "plot s ks: [2] file: \(quoted(other)) overwrite: true",
                "plot s ks: [1] file: \(quoted(before)) overwrite: true",
            ])

        let script = (folder as NSString).appendingPathComponent("session.chorus")
        await harness.run("save \(quoted(script))")
        for _ in 0..<2 {
            let replay = Harness()
            #expect(await replay.run("run \(quoted(script))").failed == 0)
            #expect(replay.output.error.contains("already exists") == false)
        }
    }
}
