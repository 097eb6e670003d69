import ChorusEngine

/// `split`: a seeded train/test split of a dataset.
struct SplitCommand: Command {
    static let data = ParameterKey<DatasetValue>.positional("data", "the dataset")
    static let test = ParameterKey<Double>.named(
        "test", "the fraction of problems in the test part", default: 0.2, in: .between(0, 1))
    static let seed = ParameterKey<Int>.named("seed", "the seed choosing the test problems", default: 1)

    let signature = CommandSignature(
        name: "split", group: .data, summary: "Splits a dataset into train and test parts, by seed.",
        parameters: [Self.data, Self.test, Self.seed],
        discussion: """
            Returns a record {train, test}: disjoint, together covering the \
            dataset, each in the dataset's order. The same seed gives the same split.
            """,
        examples: ["parts = split data test: 0.25 seed: 7\nparts.train"])

    func run(_ invocation: Invocation) async throws -> Value {
        let dataset = invocation[Self.data].dataset
        let parts = try invocation.mapping(at: Self.test) {
            try dataset.split(
                testFraction: invocation[Self.test], seed: UInt64(bitPattern: Int64(invocation[Self.seed])))
        }
        return .record(
            Record([
                (key: "train", value: .object(DatasetValue(parts.train))),
                (key: "test", value: .object(DatasetValue(parts.test))),
            ]))
    }
}
