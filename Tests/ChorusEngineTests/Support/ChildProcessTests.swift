import Foundation
import Synchronization
import Testing

@testable import ChorusEngine

@Suite struct ChildProcessTests {
    static let environment = ["PATH": "/usr/local/bin:/usr/bin:/bin"]

    @Test func capturesOutputAndStatus() async throws {
        let result = try await ChildProcess.run(
            "sh", ["-c", "echo one; echo two >&2; exit 3"], environment: Self.environment)
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

    @Test func runsInTheGivenFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.resolvingSymlinksInPath().path
        let result = try await ChildProcess.run(
            "sh", ["-c", "pwd -P"], environment: Self.environment, workingDirectory: folder)
        #expect(result.status == 0)
        #expect(result.output == folder)
    }

    @Test func aMissingFolderIsALaunchFailure() async {
        await #expect(throws: ChildProcess.LaunchFailure.self) {
            _ = try await ChildProcess.run(
                "sh", ["-c", "true"], environment: Self.environment, workingDirectory: "/nonexistent/folder")
        }
    }

    @Test func aSignalEndingTheProgramGivesItsStatus() async throws {
        let result = try await ChildProcess.run("sh", ["-c", "kill -TERM $$"], environment: Self.environment)
        #expect(result.status == 128 + SIGTERM)
    }

    @Test func aMissingProgramIsALaunchFailure() async {
        await #expect(throws: ChildProcess.LaunchFailure.self) {
            _ = try await ChildProcess.run("no-such-program-here", [], environment: Self.environment)
        }
    }

    @Test func cancellingStopsTheProgram() async throws {
        // Cancelled once the program has started; not stopped, it would end by itself, with status 0.
        let (started, starting) = AsyncStream<Void>.makeStream()
        let task = Task {
            try await ChildProcess.stream("sh", ["-c", "echo started; exec sleep 30"], environment: Self.environment) {
                _ in
                starting.yield()
            }
        }
        for await _ in started { break }
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
    }
}
