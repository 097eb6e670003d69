import ChorusEngine

/// The script front end's entry point for the fuzzer of `scripts/fuzz` and for replaying what it found.
///
/// Lexes and parses the bytes, reads them line by line as a pipe does, and runs them in a session with no
/// commands, so nothing reaches a model, a store or a file: the lexer, the parser and expression evaluation.
public enum ScriptFuzzEntryPoint {
    /// Runs the bytes as a script; it must return (never trap, overflow the stack or hang) whatever they hold.
    public static func run(_ bytes: [UInt8]) async {
        let text = String(decoding: bytes, as: UTF8.self)
        var state = Lexer.Continuation()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            state = Lexer.continuation(after: String(line), from: state)
        }
        let source = SourceFile(name: "fuzz.chorus", text: text)
        let session = Session(registry: CommandRegistry([]), output: DiscardedOutput())
        await session.execute(source)
    }
}

/// An output that keeps nothing.
private final class DiscardedOutput: OutputSink {
    var usesColour: Bool { false }
    func write(_ text: String) {}
    func writeError(_ text: String) {}
}
