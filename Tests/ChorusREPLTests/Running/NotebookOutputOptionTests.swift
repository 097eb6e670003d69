import Testing

@testable import ChorusREPL

@Suite("--notebook")
struct NotebookOutputOptionTests {
    static func extract(_ arguments: [String]) -> (option: NotebookOutputOption?, rest: [String], error: String?) {
        var arguments = arguments
        switch NotebookOutputOption.extract(from: &arguments) {
        case .success(let option): return (option, arguments, nil)
        case .failure(let message): return (nil, arguments, message.text)
        }
    }

    @Test("the file follows the option or its =; the format is the file's extension")
    func formats() {
        let spaced = Self.extract(["run", "t.chorus", "--notebook", "out.ipynb", "--echo"])
        #expect(spaced.option?.path == "out.ipynb")
        #expect(spaced.option?.format == .jupyter)
        #expect(spaced.rest == ["run", "t.chorus", "--echo"])
        #expect(Self.extract(["--notebook=r.HTML", "run", "t.chorus"]).option?.format == .html)
        #expect(Self.extract(["run", "t.chorus", "--notebook", "dir.v2/r.md"]).option?.format == .markdown)
        #expect(Self.extract(["run", "t.chorus"]).option == nil)
    }

    @Test("a missing file or another extension is a usage error that names the formats")
    func errors() {
        #expect(Self.extract(["run", "t.chorus", "--notebook"]).error == "--notebook needs a file")
        #expect(
            Self.extract(["run", "t.chorus", "--notebook", "out.txt"]).error
                == "--notebook writes a file ending in .ipynb, .md or .html, not out.txt")
        #expect(Self.extract(["run", "t.chorus", "--notebook", "dir.md/out"]).error != nil)
    }
}
