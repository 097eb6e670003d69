import ChorusEngine

/// `responses`: a sample set from responses written by hand, for teaching and tests.
struct ResponsesCommand: Command {
    static let data = ParameterKey<DatasetValue>.positional("data", "the problems, in order")
    static let texts = ParameterKey<[[String]]>.positional("texts", "one list of response texts per problem")
    static let name = ParameterKey<String>.named("name", "the label in tables", default: "responses")

    let signature = CommandSignature(
        name: "responses", group: .data, summary: "Makes a sample set from hand-written responses.",
        parameters: [Self.data, Self.texts, Self.name, GradingOptions.group],
        discussion: """
            Pairs the i-th list of texts with the i-th problem of the dataset and \
            grades every response, as `sample` would with a model's responses. \
            Useful to try voting and metrics without a model.
            """,
        examples: [
            "data = builtin \"arithmetic\" count: 2 seed: 1\ns = responses data [['\\\\boxed{1}', 'so \\\\boxed{2}'], [\"#### 7\", \"The answer is 7.\"]]\ns"
        ])

    func run(_ invocation: Invocation) async throws -> Value {
        let dataset = invocation[Self.data].dataset
        let lists = invocation[Self.texts]
        guard lists.count == dataset.problems.count else {
            throw invocation.error(
                "`texts` has \(Plural.count(lists.count, "list")) but the dataset has \(Plural.count(dataset.problems.count, "problem"))",
                at: Self.texts,
                hint: "give one list of responses per problem, in the dataset's order")
        }
        let entries = zip(dataset.problems, lists).map { problem, texts in
            SampleSet.Entry(problem: problem, samples: texts.map { Sample(text: $0) })
        }
        let set = SampleSet(name: invocation[Self.name], entries: entries)
        let graded = try GradingOptions.classifier(invocation).grade(set)
        return .object(SampleSetValue(samples: set, graded: graded))
    }
}
