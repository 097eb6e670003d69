import ChorusEngine

/// `builtin`: a dataset Chorus generates itself, with exact answers and no download.
struct BuiltinCommand: Command {
    let signature = CommandSignature(
        name: "builtin", group: .data, summary: "Generates a built-in dataset (no download needed).",
        parameters: [
            .positional("name", .choice(Dataset.builtInNames), "the dataset"),
            .named("count", .int, "how many problems", default: .int(100)),
            .named("seed", .int, "the generator's seed: the same seed gives the same problems", default: .int(1)),
        ],
        discussion: """
            `arithmetic`: grade-school word problems (rates, fractions, \
            percentages, multi-step sums, ratios, averages) with exact answers \
            that are integers, reduced fractions (a/b) or terminating decimals. \
            Problem i depends only on the seed and i, so a larger count extends a \
            smaller one.
            """,
        examples: ["data = builtin arithmetic count: 20 seed: 1", "builtin \"arithmetic\" count: 3"])

    func run(_ invocation: Invocation) async throws -> Value {
        let count = invocation.int("count")
        guard count >= 1, count <= 1_000_000 else {
            throw invocation.error("`count` must be between 1 and 1000000, not \(count)", at: "count")
        }
        do {
            let dataset = try Dataset.builtIn(
                named: invocation.string("name"), count: count, seed: UInt64(bitPattern: Int64(invocation.int("seed"))))
            return .object(DatasetValue(dataset))
        } catch {
            throw invocation.error("\(error)", at: "name")
        }
    }
}
