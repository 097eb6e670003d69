import Testing

@testable import ChorusScript

@Suite("Comment blocks")
struct CommentBlocksTests {
    @Test("runs of # lines are blocks; a blank line ends one; indented lines become a code block")
    func blocks() {
        let source = SourceFile(
            name: "t.chorus",
            text: "#!/usr/bin/env chorus\n# Title\n#\n# Run it with\n#     chorus run t.chorus\n\n  # Next\nk = 1\n")
        #expect(
            CommentBlocks.markdown(in: source, lines: 1..<9) == [
                "Title\n\nRun it with\n```\nchorus run t.chorus\n```", "Next",
            ])
    }

    @Test("a script's comment blocks become Markdown cells between its statements")
    func cellsOfAScript() async {
        let harness = Harness()
        await harness.run("# Start.\nk = 1\n# Middle\n# part.\nk + 1 # not a block\n\n# End.\n")
        let cells = await harness.session.cells
        #expect(cells.map(\.kind) == [.markdown, .code, .markdown, .code, .markdown])
        #expect(cells.map(\.source) == ["Start.", "k = 1", "Middle\npart.", "k + 1", "End."])
    }
}
