import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusEngine

@Suite("InstalledBenchmark")
struct InstalledBenchmarkTests {
    @Test func readsGSM8KFromTheCacheFolder() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("datasets"), withIntermediateDirectories: true)
        try folder.write(
            """
            {"id": "gsm8k-test-7", "question": "Tom has 3 apples and buys 4. How many?", "answer": "3 + 4 = 7\\n#### 7"}
            {"id": "gsm8k-test-9", "question": "Half of 10?", "answer": "10 / 2 = 5\\n#### 5"}

            """, to: "datasets/gsm8k.jsonl")
        let dataset = try InstalledBenchmark.gsm8k.load(environment: ["CHORUS_CACHE": folder.url.path])
        #expect(dataset.name == "gsm8k")
        #expect(dataset.problems.map(\.id) == ["gsm8k-test-7", "gsm8k-test-9"])
        #expect(dataset.problems.map(\.goldAnswer) == ["7", "5"])
        #expect(dataset.problems[0].goldSolution == "3 + 4 = 7")
        #expect(dataset.problems.allSatisfy { $0.source == "gsm8k" })
    }

    @Test func readsCHAMPAsProblemsWithSolutionsAndSubjects() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("datasets"), withIntermediateDirectories: true)
        try folder.write(
            """
            {"answer": "x=2, y=1", "id": "P_Number-Theory_31", "problem": "Solve 2^x = 3y + 1 with y = 1.", "solution": "Try x = 2.", "subject": "Number-Theory"}

            """, to: "datasets/champ.jsonl")
        let dataset = try InstalledBenchmark.champ.load(environment: ["CHORUS_CACHE": folder.url.path])
        let problem = try #require(dataset.problems.first)
        #expect(problem.id == "P_Number-Theory_31")
        #expect(problem.goldAnswer == "x=2, y=1")
        #expect(problem.goldSolution == "Try x = 2.")
        #expect(problem.source == "champ")
        #expect(problem.metadata["subject"] == "Number-Theory")
    }

    @Test func aMissingFileSaysWhichScriptInstallsIt() throws {
        let folder = try TemporaryFolder()
        #expect {
            try InstalledBenchmark.champ.load(environment: ["CHORUS_CACHE": folder.url.path])
        } throws: { error in
            "\(error)"
                == "benchmark champ is not installed (no \(folder.url.path)/datasets/champ.jsonl); install it with scripts/setup-datasets"
        }
    }

    @Test func aDamagedFileSaysHowToReinstall() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("datasets"), withIntermediateDirectories: true)
        try folder.write("{\"question\": \"cut off", to: "datasets/gsm8k.jsonl")
        #expect {
            try InstalledBenchmark.gsm8k.load(environment: ["CHORUS_CACHE": folder.url.path])
        } throws: { error in
            let message = "\(error)"
            return message.hasPrefix("benchmark gsm8k is damaged (") && message.hasSuffix("run scripts/setup-datasets")
        }
    }

    /// The real files, when `scripts/setup-datasets` has installed them (as `scripts/test` does).
    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: InstalledBenchmark.gsm8k.path())
                && FileManager.default.fileExists(atPath: InstalledBenchmark.champ.path())))
    func theInstalledFilesHoldEveryProblem() throws {
        let gsm8k = try InstalledBenchmark.gsm8k.load()
        let champ = try InstalledBenchmark.champ.load()
        #expect(gsm8k.problems.count == 100)
        #expect(champ.problems.count == 270)
        #expect(gsm8k.problems.allSatisfy { Double($0.goldAnswer.replacingOccurrences(of: ",", with: "")) != nil })
    }

    /// reasoning-gym's problems load as GSM8K rows with whole-number answers, when
    /// `scripts/setup-reasoning-gym` has written them; a row the script writes is read the same way.
    @Test func gsmSymbolicRowsLoadAsGSM8K() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path("datasets"), withIntermediateDirectories: true)
        try folder.write(
            "{\"id\": \"gsm_symbolic-s1-00000\", \"question\": \"Ann has 3 apples and buys 4. How many now?\", \"answer\": \"#### 7\"}\n",
            to: "datasets/gsm_symbolic.jsonl")
        let dataset = try InstalledBenchmark.gsmSymbolic.load(environment: ["CHORUS_CACHE": folder.url.path])
        #expect(dataset.problems.map(\.goldAnswer) == ["7"])
        #expect(dataset.problems.map(\.id) == ["gsm_symbolic-s1-00000"])
        #expect(InstalledBenchmark.gsmSymbolic.installScript == "scripts/setup-reasoning-gym")
    }
}
