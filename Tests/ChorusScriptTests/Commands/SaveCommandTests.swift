import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusScript

@Suite("save")
struct SaveCommandTests {
    private let work = """
        x = 3
        y = x * 2
        10
        help
        _ + y
        bad = nope
        xs = [x, y, \\
          _3]
        vars
        print "hi"; timer off
        r = {k: _3, s: 'raw\\n'}
        z = ) # a parse error
        _5
        r.k + xs.count
        """

    @Test func saveAndReplayGiveTheSameSession() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("session.chorus")
        let original = Harness()
        await original.run(work)
        await original.run("save \(quoted(path))")
        #expect(original.output.output.hasSuffix("saved 9 statements to \(path)\n"))

        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            saved == """
                # Chorus session: 9 statements.
                # Replay with: chorus run \(path)
                x = 3
                y = x * 2
                10
                _ + y
                xs = [x, y, \\
                  _3]
                print "hi"
                r = {k: _3, s: 'raw\\n'}
                _5
                r.k + xs.count

                """)

        let replay = Harness()
        #expect(await replay.run("run \(quoted(path))") == report(succeeded: 10))
        #expect(replay.output.error == "")

        let originalVariables = await original.session.variableList
        let replayedVariables = await replay.session.variableList
        #expect(replayedVariables.map(\.name) == originalVariables.map(\.name))
        #expect(replayedVariables.map(\.value) == originalVariables.map(\.value))
        #expect(replayedVariables.map(\.name) == ["x", "y", "xs", "r"])
        #expect(await replay.session.results == original.session.results)
        #expect(await replay.session.nextResultNumber == 10)
        #expect(await replay.session.transcript == original.session.transcript)
        // `_N` numbers read the same in both sessions.
        for number in 1...9 {
            let probe = "_\(number)"
            let originalValue = await original.session.results[number - 1]
            let replayedValue = await replay.session.results[number - 1]
            #expect(replayedValue == originalValue, "\(probe)")
        }
        #expect(await replay.variable("r") == .record(Record([("k", .int(10)), ("s", .string("raw\\n"))])))
    }

    @Test func savedScriptReplaysFromTheCommandLineNumbering() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("cli.chorus")
        let original = Harness()
        await original.run("a = 1\nb = a + 1\n_2 * 10")
        await original.run("save \(quoted(path))")
        // `chorus run FILE` executes the file directly in a fresh session.
        let replay = Harness()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let result = await replay.session.execute(SourceFile(name: path, text: text))
        #expect(result == report(succeeded: 3))
        #expect(replay.output.output == "20\n")
        #expect(await replay.session.results == [.int(1), .int(2), .int(20)])
    }

    @Test func singularMessage() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("one.chorus")
        let harness = await Harness.running("x = 1\nsave \(quoted(path))")
        #expect(harness.output.output == "saved 1 statement to \(path)\n")
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved == "# Chorus session: 1 statement.\n# Replay with: chorus run \(path)\nx = 1\n")
    }

    @Test func emptySession() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("empty.chorus")
        let harness = await Harness.running("save \(quoted(path))")
        #expect(harness.output.output == "saved 0 statements to \(path)\n")
        #expect(
            try String(contentsOfFile: path, encoding: .utf8)
                == "# Chorus session: 0 statements.\n# Replay with: chorus run \(path)\n")
    }

    @Test func refusesToOverwrite() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeFile("keep me\n", named: "exists.chorus", in: folder)
        let harness = await Harness.running("x = 1\nsave \(quoted(path))", expecting: report(succeeded: 1, failed: 1))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me\n")
        #expect(
            harness.output.error == """
                t.chorus:2:6: error: \(quoted(path)) already exists
                2 | save \(quoted(path))
                  |      ^\(String(repeating: "~", count: quoted(path).count - 1))
                hint: pass `overwrite: true` to replace it, or choose another name

                """)
        #expect(harness.output.output == "")
    }

    @Test func overwritesWhenAsked() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeFile("old\n", named: "exists.chorus", in: folder)
        await Harness.running(
            "x = 1\nsave \(quoted(path)) overwrite: true", expecting: report(succeeded: 2))
        #expect(
            try String(contentsOfFile: path, encoding: .utf8)
                == "# Chorus session: 1 statement.\n# Replay with: chorus run \(path)\nx = 1\n")
    }

    @Test func overwriteFalseStillRefuses() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try writeFile("old\n", named: "exists.chorus", in: folder)
        await Harness.running("save \(quoted(path)) overwrite: false", expecting: report(failed: 1))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    }

    @Test func saveIsNotRecorded() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = (folder as NSString).appendingPathComponent("first.chorus")
        let second = (folder as NSString).appendingPathComponent("second.chorus")
        let harness = await Harness.running("x = 1\nsave \(quoted(first))\nsave \(quoted(second))")
        #expect(await harness.transcriptTexts() == ["x = 1"])
        #expect(
            try String(contentsOfFile: second, encoding: .utf8)
                == "# Chorus session: 1 statement.\n# Replay with: chorus run \(second)\nx = 1\n")
    }

    @Test func cannotWriteIntoAMissingFolder() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("nowhere/s.chorus")
        let harness = await Harness.running("save \(quoted(path))", expecting: report(failed: 1))
        #expect(
            harness.output.error.hasPrefix(
                "t.chorus:1:6: error: cannot write \(quoted(path)): the folder \(folder)/nowhere does not exist\n"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func statementsRunThroughRunAreSavedToo() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = try writeFile("a = 2\nb = a * a", named: "part.chorus", in: folder)
        let path = (folder as NSString).appendingPathComponent("all.chorus")
        await Harness.running("run \(quoted(script))\nc = b + 1\nsave \(quoted(path))")
        #expect(
            try String(contentsOfFile: path, encoding: .utf8)
                == "# Chorus session: 3 statements.\n# Replay with: chorus run \(path)\na = 2\nb = a * a\nc = b + 1\n")
    }

    @Test("a notebook or report holds every statement's output, without running anything again")
    func notebooksHoldTheOutputs() async throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).location
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let harness = await Harness.running(
            """
            data = builtin arithmetic count: 2 seed: 1
            s = responses data [["#### 3", "#### 4"], ["#### 5", "#### 5"]]
            metrics s ks: [1]
            nosuch 3
            """)
        let shown = await harness.session.cells.flatMap(\.parts)
        for format in NotebookFormat.allCases {
            let path = (folder as NSString).appendingPathComponent("session.\(format.rawValue)")
            await harness.run("save \(quoted(path))")
            #expect(harness.output.output.hasSuffix("saved 4 statements with their output to \(path)\n"))
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("pass@1"), "\(format) lacks the table")
            #expect(text.contains("unknown command"), "\(format) lacks the error")
            #expect(text.contains("^~~~~~"), "\(format) lacks the caret")
        }
        #expect(await harness.session.cells.flatMap(\.parts) == shown, "saving ran nothing again")
        let other = (folder as NSString).appendingPathComponent("session.txt")
        await harness.run("save \(quoted(other))")
        #expect(try String(contentsOfFile: other, encoding: .utf8).hasPrefix("# Chorus session: 3 statements."))
    }
}
