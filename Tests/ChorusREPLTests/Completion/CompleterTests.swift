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
}
