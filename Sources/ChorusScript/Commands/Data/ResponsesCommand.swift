import ChorusEngine

/// `responses`: a sample set from responses written by hand, for teaching and tests.
struct ResponsesCommand: Command {
    let signature = CommandSignature(
        name: "responses", group: .data, summary: "Makes a sample set from hand-written responses.",
        parameters: [
            .positional("data", .object("dataset"), "the problems, in order"),
            .positional("texts", .list(.list(.string)), "one list of response texts per problem"),
            .named("name", .string, "the label in tables", default: .string("responses")),
            .named("tolerance", .number, "relative tolerance for inexact numbers when grading", default: .double(1e-6)),
            GradingOptions.truncatedParameter,
        ],
        discussion: """
            Pairs the i-th list of texts with the i-th problem of the dataset and \
            grades every response, as `sample` would with a model's responses. \
            Useful to try voting and metrics without a model.
            """,
        examples: [
            "data = builtin \"arithmetic\" count: 2 seed: 1\ns = responses data [['\\\\boxed{1}', 'so \\\\boxed{2}'], [\"#### 7\", \"The answer is 7.\"]]\ns"
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        guard let dataset = invocation.object("data", as: DatasetValue.self)?.dataset else {
            throw invocation.error("`data` must be a dataset", at: "data")
        }
        let lists = invocation.list("texts")
        guard lists.count == dataset.problems.count else {
            throw invocation.error(
                "`texts` has \(Plural.count(lists.count, "list")) but the dataset has \(Plural.count(dataset.problems.count, "problem"))",
                at: "texts",
                hint: "give one list of responses per problem, in the dataset's order")
        }
        var entries: [SampleSet.Entry] = []
        for (problem, list) in zip(dataset.problems, lists) {
            guard case .list(let texts) = list else { continue }
            let samples = texts.map { text -> Sample in
                if case .string(let value) = text { return Sample(text: value) }
                return Sample(text: text.printText)
            }
            entries.append(SampleSet.Entry(problem: problem, samples: samples))
        }
        let set = SampleSet(name: invocation.string("name"), entries: entries)
        let graded = try GradingOptions.classifier(invocation).grade(set)
        return .object(SampleSetValue(samples: set, graded: graded))
    }
}
