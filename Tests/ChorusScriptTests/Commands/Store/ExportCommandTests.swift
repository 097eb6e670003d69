import ChorusEngine
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite("export of one set or result")
struct ExportCommandTests {
    @Test func aSetsSamplesReimportAndReplayToTheSameNumbers() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let replay = try InspectFixtures.replayFile()
        let first = Harness()
        let script = InspectFixtures.script(replay: replay)
        await first.run(script + "\nother = sample gen data n: 1 seed: 9\nexport s to: \"\(folder)/s.jsonl\"\ns")
        #expect(first.output.output.hasPrefix("exported 8 samples of samples to \(folder)/s.jsonl\n"))
        let lines = try String(contentsOfFile: folder + "/s.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 8)  // only s: `other`'s sample stays out
        let exported = try lines.map { try StoredSample(jsonLine: String($0)) }
        #expect(exported.map(\.sampleIndex) == [0, 1, 2, 3, 0, 1, 2, 3])
        #expect(
            exported.map(\.problemID) == Array(repeating: "arith-1-0", count: 4)
                + Array(repeating: "arith-1-1", count: 4))
        #expect(exported[2].sample.finishReason == "length" && exported[2].sample.completionTokens == 64)

        let fresh = Harness()
        let again = await fresh.run("import \"\(folder)/s.jsonl\"\n" + script + "\ns")
        #expect(again == report(succeeded: 5))
        #expect(fresh.output.error.contains("sample: 8 from the store, 0 drawn"))
        let shown = { (output: String) in output.split(separator: "\n").last.map(String.init) }
        #expect(shown(fresh.output.output) == shown(first.output.output))

        let replayed = Harness()
        await replayed.run(
            "gen = model \"replay:\(folder)/s.jsonl\"\ndata = builtin arithmetic count: 2 seed: 1\n"
                + "s = sample gen data n: 4\ns")
        #expect(shown(replayed.output.output) == shown(first.output.output))
    }

    @Test func aResultsAnswersOneLinePerProblem() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let harness = try await InspectFixtures.harness()
        await harness.run("v = vote s k: 2\nexport v to: \"\(folder)/v.jsonl\"")
        #expect(harness.output.output == "exported maj@2's answers to 2 problems to \(folder)/v.jsonl\n")
        let lines = try String(contentsOfFile: folder + "/v.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONValue(parsing: String(lines[0]))
        guard case .object(let fields) = first, case .array(let candidates) = fields["candidates"] else {
            Issue.record("not an object with candidates: \(lines[0])")
            return
        }
        #expect(fields["answer"] == .string("19/30") && fields["verdict"] == .string("right"))
        #expect(fields["gold"] == .string("19/30") && fields["problem_id"] == .string("arith-1-0"))
        #expect(candidates.count == 2)
        await harness.run("export s to: \"\(folder)/a.jsonl\" as: answers")
        #expect(harness.output.output.hasSuffix("exported the answers to 2 problems to \(folder)/a.jsonl\n"))
    }

    @Test func refusesWhatItCannotWrite() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let harness = try await InspectFixtures.harness()
        try "keep me".write(toFile: folder + "/x.jsonl", atomically: true, encoding: .utf8)
        await harness.run("export s to: \"\(folder)/x.jsonl\"")
        #expect(harness.output.error.contains("already exists"))
        #expect(try String(contentsOfFile: folder + "/x.jsonl", encoding: .utf8) == "keep me")
        await harness.run("export s")
        #expect(harness.output.error.contains("say which file to write with `to:`"))
        await harness.run("export \"\(folder)/y.jsonl\" to: \"z\"")
        #expect(harness.output.error.contains("`to:` is for exporting a sample set, a result or a table"))
        await harness.run("export 3")
        #expect(
            harness.output.error.contains(
                "`export` writes the store, a sample set, a strategy result or a table, not int"))
        await harness.run("r = responses data [[\"1\"], [\"2\"]]\nexport r to: \"\(folder)/r.jsonl\"")
        #expect(harness.output.error.contains("the set responses was not drawn from a model"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/r.jsonl"))
    }

    @Test func aTableIsWrittenRowByRowWithTypedCells() async throws {
        let (harness, folder) = try await EngineFixtures.harnessWithSamples()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/wrong.jsonl"
        let result = await harness.run("export (answers s where: wrong) to: \"\(path)\"")
        #expect(result == report(succeeded: 1))
        #expect(harness.output.output == "exported 1 row to \(path)\n")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        let row = try JSONValue(parsing: String(lines[0]))
        guard case .object(let fields) = row else {
            Issue.record("a row is a JSON object: \(lines[0])")
            return
        }
        #expect(fields["problem"] == .string("tiny-3"))
        #expect(fields["pick"] == .string("8"))
        #expect(fields["right"] == .bool(false))
        #expect(fields["unparseable"] == .integer(0))

        await harness.run("export (answers s) to: \"\(folder)/a.jsonl\" as: answers")
        #expect(harness.output.error.contains("a table is written row by row"))
    }
}
