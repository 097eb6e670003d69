import ChorusEngine

/// `split`: a seeded train/test split of a dataset.
struct SplitCommand: Command {
    let signature = CommandSignature(
        name: "split", group: .data, summary: "Splits a dataset into train and test parts, by seed.",
        parameters: [
            .positional("data", .object("dataset"), "the dataset"),
            .named("test", .number, "the fraction of problems in the test part", default: .double(0.2)),
            .named("seed", .int, "the seed choosing the test problems", default: .int(1)),
        ],
        discussion: """
            Returns a record {train, test}: disjoint, together covering the \
            dataset, each in the dataset's order. The same seed gives the same split.
            """,
        examples: ["parts = split data test: 0.25 seed: 7\nparts.train"])

    func run(_ invocation: Invocation) async throws -> Value {
        guard let dataset = invocation.object("data", as: DatasetValue.self)?.dataset else {
            throw invocation.error("`data` must be a dataset", at: "data")
        }
        let fraction = invocation.double("test")
        guard fraction >= 0, fraction <= 1 else {
            throw invocation.error("`test` is a fraction between 0 and 1, not \(fraction)", at: "test")
        }
        do {
            let parts = try dataset.split(testFraction: fraction, seed: UInt64(bitPattern: Int64(invocation.int("seed"))))
            return .record(
                Record([(key: "train", value: .object(DatasetValue(parts.train))), (key: "test", value: .object(DatasetValue(parts.test)))]))
        } catch {
            throw invocation.error("\(error)", at: "test")
        }
    }
}
