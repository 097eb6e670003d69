import ChorusScript
import ChorusTestSupport
import Foundation
import Testing

@testable import ChorusREPL

@Suite struct CompleterTests {
    let completer: Completer = {
        let completer = Completer(registry: .standard, metaCommands: ["history"])
        completer.updateVariables([(name: "samples", typeName: "list"), (name: "seed", typeName: "int")])
        return completer
    }()

    @Test func commandNamesAtTheStartOfALine() {
        #expect(completer.complete(lineBeforeWord: "", word: "pri").candidates == ["print"])
        #expect(
            completer.complete(lineBeforeWord: "  ", word: "s").candidates == [
                "sample", "samples", "save", "score", "seed", "show", "sleep", "split", "store",
            ])
    }

    @Test func commandNamesAfterAnAssignment() {
        #expect(completer.complete(lineBeforeWord: "x = ", word: "sl").candidates == ["sleep"])
    }

    @Test func helpAndMetaPrefixes() {
        #expect(completer.complete(lineBeforeWord: "?", word: "ti").candidates == ["timer"])
        #expect(completer.complete(lineBeforeWord: ":", word: "h").candidates == ["help", "history"])
        #expect(completer.complete(lineBeforeWord: "help ", word: "qu").candidates == ["quit"])
    }

    @Test func namedArgumentsOfTheCommandBeingTyped() {
        let completion = completer.complete(lineBeforeWord: "save \"f.chorus\" ", word: "ov")
        #expect(completion.candidates == ["overwrite:"])
        let used = completer.complete(lineBeforeWord: "save \"f\" overwrite: true ", word: "ov")
        #expect(used.candidates == [])
    }

    @Test func choiceWordsForAChoiceParameter() {
        #expect(completer.complete(lineBeforeWord: "timer ", word: "o").candidates == ["off", "on"])
    }

    @Test func variablesAsArgumentValues() {
        #expect(completer.complete(lineBeforeWord: "print ", word: "sa").candidates == ["samples"])
        #expect(completer.complete(lineBeforeWord: "print samples ", word: "se").candidates == ["seed"])
    }

    @Test func pathsInsideAString() throws {
        let folder = try TemporaryFolder(removedWhenReleased: false).url
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("runs"), withIntermediateDirectories: true)
        try "".write(to: folder.appendingPathComponent("report.chorus"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent(".hidden"), atomically: true, encoding: .utf8)
        let completion = completer.complete(lineBeforeWord: "run \"", word: folder.path + "/r")
        #expect(completion.candidates == [folder.path + "/report.chorus", folder.path + "/runs/"])
        #expect(!completion.appendsSpace)
        let all = completer.complete(lineBeforeWord: "save \"", word: folder.path + "/")
        #expect(!all.candidates.contains(folder.path + "/.hidden"))
    }

    /// A completer that knows the variables' values: a sample set `s`, a vote `v`, a model `m`, a record and an int.
    static func withValues() async throws -> Completer {
        let session = Session(output: CapturedOutput())
        let script = """
            data = builtin arithmetic count: 2 seed: 1
            s = responses data [["1", "2"], ["3", "4"]]
            v = vote s k: 2
            m = model "openai:http://127.0.0.1:9/v1/m"
            cfg = {k: 4, temperature: 0.7}
            n = 3
            """
        let report = await session.execute(SourceFile(name: "t.chorus", text: script))
        #expect(report.failed == 0)
        let completer = Completer(registry: .standard, environment: ["CHORUS_CACHE": "/nonexistent"])
        completer.updateVariables(await session.variableList)
        return completer
    }

    @Test func fieldsAfterADot() async throws {
        let completer = try await Self.withValues()
        let fields = completer.complete(lineBeforeWord: "print ", word: "v.")
        #expect(fields.candidates == ["v.accuracy", "v.answers", "v.correct", "v.name", "v.problems", "v.truncated"])
        #expect(!fields.appendsSpace)
        #expect(completer.complete(lineBeforeWord: "", word: "cfg.te").candidates == ["cfg.temperature"])
        #expect(completer.complete(lineBeforeWord: "", word: "s.pa").candidates == ["s.pass1"])
        #expect(completer.complete(lineBeforeWord: "x = ", word: "nothing.").candidates == [])
    }

    @Test func variablesOfTheTypeAParameterTakes() async throws {
        let completer = try await Self.withValues()
        // compare takes strategy results and sample sets, not models, records or ints.
        let compared = completer.complete(lineBeforeWord: "compare ", word: "")
        #expect(compared.candidates.filter { !$0.hasSuffix(":") } == ["s", "v"])
        #expect(completer.complete(lineBeforeWord: "vote s k: ", word: "").candidates == ["n"])
        #expect(completer.complete(lineBeforeWord: "sample ", word: "").candidates.contains("m"))
        #expect(completer.complete(lineBeforeWord: "print ", word: "").candidates.count == 6)
    }

    @Test func modelSpecsInsideModelsString() throws {
        let cache = try TemporaryFolder(removedWhenReleased: false).url
        try FileManager.default.createDirectory(
            at: cache.appendingPathComponent("models"), withIntermediateDirectories: true)
        try "".write(
            to: cache.appendingPathComponent("models/qwen2.5-coder-0.5b-instruct.gguf"), atomically: true,
            encoding: .utf8)
        let completer = Completer(registry: .standard, environment: ["CHORUS_CACHE": cache.path])
        #expect(
            completer.complete(lineBeforeWord: "m = model \"", word: "").candidates == [
                "local:", "local:qwen2.5-coder-0.5b-instruct", "openai:", "replay:",
            ])
        #expect(completer.complete(lineBeforeWord: "model \"", word: "o").candidates == ["openai:"])
        #expect(
            completer.complete(lineBeforeWord: "model \"local:", word: "q").candidates == [
                "qwen2.5-coder-0.5b-instruct"
            ])
        #expect(completer.complete(lineBeforeWord: "model \"openai:", word: "h").candidates == ["http://", "https://"])
        // Another command's string is a path.
        #expect(
            completer.complete(lineBeforeWord: "load \"", word: cache.path + "/mo").candidates == [
                cache.path + "/models/"
            ])
    }

    @Test func wordsOfTheREPLsMetaCommands() {
        let completer = Completer(
            registry: .standard, metaCommands: ["history", "mode", "output"],
            metaWords: ["mode": ["text", "markdown", "csv", "json"], "output": ["off", "\""]])
        #expect(completer.complete(lineBeforeWord: ":", word: "mo").candidates == ["mode", "model"])
        #expect(completer.complete(lineBeforeWord: ":mode ", word: "m").candidates == ["markdown"])
        #expect(completer.complete(lineBeforeWord: ":output ", word: "").candidates == ["\"", "off"])
        #expect(completer.complete(lineBeforeWord: "?", word: "mo").candidates == ["model"])
    }
}
