import Testing

@testable import ChorusScript

private let escape = "\u{1B}"

/// A diagnostic on `text` covering the characters from `start` up to `end` (offsets).
private func diagnostic(
    _ message: String, in text: String, name: String = "script.chorus", from start: Int, to end: Int,
    hint: String? = nil, notes: [String] = [], severity: Diagnostic.Severity = .error
) -> Diagnostic {
    let source = SourceFile(name: name, text: text)
    let range = SourceRange(start: source.location(at: start), end: source.location(at: end))
    return Diagnostic(severity, message, source: source, range: range, hint: hint, notes: notes)
}

@Suite("DiagnosticRenderer")
struct DiagnosticRendererTests {
    private let text = "x = 1\nname = 2\nprint nme\n"

    @Test func plainRendering() {
        let rendered = DiagnosticRenderer().render(
            diagnostic(
                "no variable or command is named `nme`", in: text, from: 21, to: 24, hint: "did you mean `name`?"))
        #expect(
            rendered == """
                script.chorus:3:7: error: no variable or command is named `nme`
                3 | print nme
                  |       ^~~
                hint: did you mean `name`?

                """)
        #expect(!rendered.contains(escape))
    }

    @Test func sessionRendersTheSameText() async {
        let harness = Harness()
        await harness.session.execute(SourceFile(name: "script.chorus", text: text))
        #expect(
            harness.output.error == """
                script.chorus:3:7: error: no variable or command is named `nme`
                3 | print nme
                  |       ^~~
                hint: did you mean `name`?

                """)
    }

    @Test func colourWrapsEachPart() {
        let rendered = DiagnosticRenderer(usesColour: true).render(
            diagnostic("bad", in: text, from: 21, to: 24, hint: "fix it", notes: ["a fact"]))
        #expect(
            rendered
                == "\(escape)[1mscript.chorus:3:7:\(escape)[0m \(escape)[1;31merror:\(escape)[0m \(escape)[1mbad\(escape)[0m\n"
                + "\(escape)[34m3\(escape)[0m \(escape)[34m|\(escape)[0m print nme\n"
                + "  \(escape)[34m|\(escape)[0m       \(escape)[32m^~~\(escape)[0m\n"
                + "\(escape)[1mnote:\(escape)[0m a fact\n"
                + "\(escape)[36mhint:\(escape)[0m fix it\n")
    }

    @Test func colourOffHasNoEscapeBytes() {
        let rendered = DiagnosticRenderer(usesColour: false).render(
            diagnostic("bad", in: text, from: 21, to: 24, hint: "fix it", notes: ["a fact"], severity: .warning))
        #expect(!rendered.contains(escape))
        #expect(
            rendered == """
                script.chorus:3:7: warning: bad
                3 | print nme
                  |       ^~~
                note: a fact
                hint: fix it

                """)
    }

    @Test func warningAndNoteColours() {
        let warning = DiagnosticRenderer(usesColour: true).render(Diagnostic(.warning, "w"))
        #expect(warning == "\(escape)[1;33mwarning:\(escape)[0m \(escape)[1mw\(escape)[0m\n")
        let note = DiagnosticRenderer(usesColour: true).render(Diagnostic(.note, "n"))
        #expect(note == "\(escape)[1mnote:\(escape)[0m \(escape)[1mn\(escape)[0m\n")
    }

    @Test func withoutSourceOrRange() {
        #expect(DiagnosticRenderer().render(Diagnostic(.error, "something broke")) == "error: something broke\n")
        let named = Diagnostic(.error, "cannot read it", source: SourceFile(name: "a.chorus", text: "x"))
        #expect(named.locationText == "a.chorus")
        #expect(DiagnosticRenderer().render(named) == "a.chorus: error: cannot read it\n")
        #expect(Diagnostic(.error, "x").locationText == nil)
    }

    @Test func singleCharacterAndEmptySpans() {
        let one = DiagnosticRenderer().render(diagnostic("m", in: "a + b", from: 2, to: 3))
        #expect(one == "script.chorus:1:3: error: m\n1 | a + b\n  |   ^\n")
        let empty = DiagnosticRenderer().render(diagnostic("m", in: "a + b", from: 5, to: 5))
        #expect(empty == "script.chorus:1:6: error: m\n1 | a + b\n  |      ^\n")
    }

    @Test func spanOverSeveralLinesUnderlinesToTheEndOfTheFirst() {
        let rendered = DiagnosticRenderer().render(diagnostic("m", in: "x = [1,\n 2", from: 4, to: 11))
        #expect(rendered == "script.chorus:1:5: error: m\n1 | x = [1,\n  |     ^~~\n")
    }

    @Test func wideGutterForLongLineNumbers() {
        let text = String(repeating: "\n", count: 11) + "bad thing"
        let rendered = DiagnosticRenderer().render(diagnostic("m", in: text, from: 15, to: 20))
        #expect(rendered == "script.chorus:12:5: error: m\n12 | bad thing\n   |     ^~~~~\n")
    }

    @Test func tabsBecomeSpacesSoTheCaretLinesUp() {
        let rendered = DiagnosticRenderer().render(diagnostic("m", in: "\tx = y", from: 5, to: 6))
        #expect(rendered == "script.chorus:1:6: error: m\n1 |  x = y\n  |      ^\n")
    }

    @Test func firstLineChunk() {
        let source = SourceFile(name: "<stdin>", text: "y = )", firstLine: 41)
        let range = SourceRange(start: source.location(at: 4), end: source.location(at: 5))
        let rendered = DiagnosticRenderer().render(Diagnostic(.error, "m", source: source, range: range))
        #expect(rendered == "<stdin>:41:5: error: m\n41 | y = )\n   |     ^\n")
    }

    @Test func parseErrorRenderedEndToEnd() async {
        let harness = await Harness.running("x = 1\ny = 2\nprint (x +\n  )\n")
        #expect(
            harness.output.error == """
                t.chorus:4:3: error: expected a value, found `)`
                4 |   )
                  |   ^

                """)
    }
}
