import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusEngine

#if canImport(Glibc)
import Glibc
#endif

@Suite struct TetheredProcessTests {
    @Test func runsWithItsOutputInTheFileAndStopsOnASignalToItsGroup() async throws {
        let folder = try TemporaryFolder()
        let logPath = folder.path("out.log")
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try #require(FileHandle(forWritingAtPath: logPath))
        let process = try TetheredProcess.start(
            "/bin/sh", ["-c", "echo started $FLAVOUR; exec sleep 600"], environment: ["FLAVOUR": "plain"], output: log)
        #expect(process.isRunning)
        #expect(getpgid(process.processIdentifier) == process.processIdentifier)
        while (try? String(contentsOfFile: logPath, encoding: .utf8))?.contains("started plain") != true {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        process.signalGroup(SIGTERM)
        while process.isRunning { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(!process.isRunning)
    }

    @Test func aMissingProgramIsALaunchFailure() throws {
        let log = FileHandle.standardError
        #expect {
            _ = try TetheredProcess.start("/nonexistent/engine", [], environment: [:], output: log)
        } throws: { error in
            (error as? ChildProcess.LaunchFailure)?.reason.contains("no such file") == true
        }
    }
}
