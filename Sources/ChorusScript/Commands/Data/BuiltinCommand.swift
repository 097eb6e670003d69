import ChorusEngine

/// `builtin`: a dataset Chorus generates itself, with exact answers and no download.
struct BuiltinCommand: Command {
    static let name = ParameterKey<String>.positional("name", "the dataset", type: .choice(Dataset.builtInNames))
    static let count = ParameterKey<Int>.named("count", "how many problems", default: 100, in: .between(1, 1_000_000))
    static let seed = ParameterKey<Int>.named(
        "seed", "the generator's seed: the same seed gives the same problems", default: 1)

    let signature = CommandSignature(
        name: "builtin", group: .data, summary: "Generates a built-in dataset (no download needed).",
        parameters: [Self.name, Self.count, Self.seed],
        discussion: """
            `arithmetic`: grade-school word problems (rates, fractions, \
            percentages, multi-step sums, ratios, averages) with exact answers \
            that are integers, reduced fractions (a/b) or terminating decimals. \
            Problem i depends only on the seed and i, so a larger count extends a \
            smaller one.
            """,
        examples: ["data = builtin arithmetic count: 20 seed: 1", "builtin \"arithmetic\" count: 3"])

    func run(_ invocation: Invocation) async throws -> Value {
        let dataset = try invocation.mapping(at: Self.name) {
            try Dataset.builtIn(
                named: invocation[Self.name], count: invocation[Self.count],
                seed: UInt64(bitPattern: Int64(invocation[Self.seed])))
        }
        return .object(DatasetValue(dataset))
    }
}
