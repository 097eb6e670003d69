import ChorusEngine
import Foundation
import Testing

@testable import ChorusScript

@Suite("answers")
struct AnswersCommandTests {
    /// tiny-1: 5, 4, 5 (vote 5, right) · tiny-2: 2.5, 5/2, none (right, one unparseable) · tiny-3: 7, 8, 8 (vote 8, wrong).
    static func harness() async throws -> (Harness, String) {
        try await EngineFixtures.harnessWithSamples()
    }

    @Test func oneRowPerProblemWithClassesPickAndVerdicts() async throws {
        let (harness, folder) = try await Self.harness()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("answers s") == report(succeeded: 1))
        #expect(
            harness.output.output == """
                problem  gold  answers   vote  right  any right  truncated  unparseable
                -------  ----  --------  ----  -----  ---------  ---------  -----------
                tiny-1   5     5×2, 4×1  5     yes    yes        0          0
                tiny-2   2.5   2.5×2     2.5   yes    yes        0          1
                tiny-3   7     8×2, 7×1  8     no     yes        0          0
                3 of 3 problems
                answers: each class of equivalent answers among the 3 candidates × its votes, most first; \
                any right: one of them is right

                """)
    }

    @Test func rowsAreTypedAndTheTableIsCountedAndIndexed() async throws {
        let (harness, folder) = try await Self.harness()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run(
            "t = answers s where: wrong\nt.count\nt[0].pick\nt[0].right\nt.rows[0].unparseable + 1")
        #expect(result == report(succeeded: 5))
        #expect(harness.output.output == "1\n\"8\"\nfalse\n1\n")
    }

    @Test(arguments: [
        ("all", ["tiny-1", "tiny-2", "tiny-3"]), ("right", ["tiny-1", "tiny-2"]), ("wrong", ["tiny-3"]),
        ("truncated", []), ("unparseable", ["tiny-2"]), ("all_wrong", []), ("vote_wrong_oracle_right", ["tiny-3"]),
        ("tied", []),
    ])
    func everyFilter(word: String, ids: [String]) async throws {
        let (harness, folder) = try await Self.harness()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("t = answers s where: \(word)") == report(succeeded: 1))
        #expect(await Self.ids(harness, "t") == ids)
    }

    @Test func kLooksAtTheFirstSamplesAsTheVoteDoes() async throws {
        let (harness, folder) = try await Self.harness()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("t = answers s k: 2 where: tied") == report(succeeded: 1))
        // k: 2 leaves 5 against 4 and 7 against 8: ties the vote breaks for the first seen.
        #expect(await Self.ids(harness, "t") == ["tiny-1", "tiny-3"])
        #expect(await harness.run("answers s k: 4") == report(failed: 1))
        #expect(harness.output.error.contains("`k` is 4 but some problem has only 3 samples"))
    }

    @Test func truncatedSamplesAreFoundAndCanBeGradedAgain() async throws {
        let (harness, folder) = try await Self.harness()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = await harness.run(
            "c = responses d [['\\boxed{5', '\\boxed{5}'], ['\\boxed{2.5}'], ['\\boxed{7}']]\n"
                + "a = answers c where: truncated\nb = answers c where: truncated truncated: grade")
        #expect(result == report(succeeded: 3))
        #expect(await Self.ids(harness, "a") == ["tiny-1"])
        #expect(await Self.ids(harness, "b") == [])
    }

    @Test func aStrategyResultShowsItsChosenAnswers() async throws {
        let (harness, folder) = try await Self.harness()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("t = answers (vote s k: 1 name: \"first\")") == report(succeeded: 1))
        guard case .object(let object)? = await harness.variable("t"), let table = object as? TableValue else {
            Issue.record("answers did not return a table")
            return
        }
        #expect(table.table.columns[3].title == "first")
        #expect(table.table.rows.map { $0[2] } == [.text("5×1"), .text("2.5×1"), .text("7×1")])
        #expect(table.table.rows.map { $0[3] } == [.text("5"), .text("2.5"), .text("7")])
        #expect(await harness.run("answers (vote s) k: 2") == report(failed: 1))
        #expect(harness.output.error.contains("`k:` applies to a sample set"))
    }

    @Test func aBadFilterIsAClearError() async throws {
        let (harness, folder) = try await Self.harness()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await harness.run("answers s where: wrongly") == report(failed: 1))
        #expect(harness.output.error.contains("wrong"), "\(harness.output.error)")
    }

    @Test func theHelpExamplesRun() async throws {
        let harness = Harness()
        let examples = try #require(CommandRegistry.standard.command(named: "answers")).signature.examples
        #expect(await harness.run(examples.joined(separator: "\n")) == report(succeeded: 5))
    }

    static func ids(_ harness: Harness, _ name: String) async -> [String] {
        guard case .object(let object)? = await harness.variable(name), let table = object as? TableValue else {
            return ["not a table"]
        }
        return table.table.rows.map { if case .text(let id) = $0[0] { id } else { "?" } }
    }
}
