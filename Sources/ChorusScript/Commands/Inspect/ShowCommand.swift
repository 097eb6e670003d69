import ChorusEngine

/// `show`: one problem (its question, gold and every sample, graded) or one sample, to read.
struct ShowCommand: Command {
    static let subject = ParameterKey<Value>.positional(
        "what", "a dataset, sample set or strategy result (then PROBLEM), or one problem or sample (`s[3]`, `s[3][1]`)"
    )
    static let problem = ParameterKey<Value?>.positional(
        "problem", "which problem: a position from 0 (-1 for the last) or a problem id")
    static let full = ParameterKey<Bool>.named("full", "show every response whole instead of folded", default: false)
    static let width = ParameterKey<Int?>.named(
        "width", "wrap at this many columns (default: the terminal's width; 80 on a pipe)", in: .between(20, 1000))

    /// The width text wraps at when results go to a pipe or a file, so transcripts are stable.
    static let pipeWidth = 80

    let signature = CommandSignature(
        name: "show", group: .values, summary: "Shows one problem with its samples, graded, or one sample whole.",
        parameters: [Self.subject, Self.problem, Self.full, Self.width],
        discussion: """
            `show s 3` shows problem 3 of a sample set: the question, the gold \
            answer, the majority answer, then each sample's extracted answer, \
            verdict (right, wrong, unparseable or truncated), finish reason and \
            tokens, with its response folded to the first and last two lines \
            (`full: true` shows them whole). For a set made by `aggregate` or \
            `refine` it lists the candidates the prompts showed, then the \
            combiner's responses. `show v 3` shows a strategy result's answer \
            and the candidates it chose among; `show data 3` a dataset's \
            problem; `show s[3][1]` one sample whole. PROBLEM is a position \
            from 0 (as in `s[3]`) or a problem id. Text wraps to the \
            terminal's width, or to 80 columns on a pipe; colour only on a \
            terminal.
            """,
        examples: [
            "data = builtin \"arithmetic\" count: 2 seed: 1\ns = responses data [['\\boxed{1}', 'so \\boxed{2}'], [\"5\", \"6\"]]\nshow s 0",
            "show s 1 full: true",
            "show s[0][1]",
            "show (vote s) 0",
            "show data 1 width: 60",
        ],
        isRecorded: false)

    func run(_ invocation: Invocation) async throws -> Value {
        var value = invocation[Self.subject]
        if let index = invocation[Self.problem] {
            do {
                value = try Subscript.element(of: value, at: index)
            } catch {
                throw invocation.error(error.message, at: Self.problem, hint: error.hint)
            }
        }
        guard case .object(let object as any InspectableObject) = value else {
            if case .object(let whole as any IndexableObject) = value, whole.elementCount > 0 {
                let name = invocation.source.text(in: invocation.range(of: Self.subject))
                throw invocation.error(
                    "`show` shows one \(whole.elementNoun) at a time", at: Self.subject,
                    hint: "say which: `show \(name) 0` … `show \(name) \(whole.elementCount - 1)`, "
                        + "or `show \(name) -1` for the last")
            }
            throw invocation.error(
                "`show` shows a problem or a sample, not \(value.typeName)", at: Self.subject,
                hint: "give a dataset, sample set or strategy result and a problem: `show s 0`")
        }
        let output = invocation.session.output
        let terminal = output.terminalWidth
        let renderer = InspectionRenderer(
            width: invocation[Self.width] ?? terminal ?? Self.pipeWidth,
            usesColour: output.usesColour && terminal != nil,
            full: invocation[Self.full])
        output.write(renderer.render(object.inspection))
        return .none
    }
}
