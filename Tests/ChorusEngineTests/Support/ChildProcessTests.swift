import Foundation
import Synchronization
import Testing

@testable import ChorusEngine

@Suite struct ChildProcessTests {
    static let environment = ["PATH": "/usr/local/bin:/usr/bin:/bin"]

    @Test func capturesOutputAndStatus() async throws {
        let result = try await ChildProcess.run("sh", ["-c", "echo one; echo two >&2; exit 3"], environment: Self.environment)
        #expect(result.status == 3)
        #expect(result.output.split(separator: "\n").sorted() == ["one", "two"])
    }

    @Test func streamsLinesAsTheyCome() async throws {
        let lines = Mutex<[String]>([])
        let status = try await ChildProcess.stream(
            "sh", ["-c", "printf 'a\\nb\\nlast'"], environment: Self.environment
        ) { line in lines.withLock { $0.append(line) } }
        #expect(status == 0)
        #expect(lines.withLock { $0 } == ["a", "b", "last"])
    }

    @Test func aMissingProgramIsALaunchFailure() async {
        await #expect(throws: ChildProcess.LaunchFailure.self) {
            _ = try await ChildProcess.run("no-such-program-here", [], environment: Self.environment)
        }
    }

    @Test func cancellingStopsTheProgram() async throws {
        let task = Task { try await ChildProcess.run("sleep", ["30"], environment: Self.environment) }
        try await Task.sleep(nanoseconds: 200_000_000)
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
    }
}
