import ChorusEngine

/// The `shuffle:` and `limit:` parameters that `load` and `benchmark` share.
enum DatasetSelection {
    /// The two parameters, as a command's signature lists them.
    static let parameters: [Parameter] = [
        .named("limit", .int, "keep the first n problems (after shuffling)", default: Value.none),
        .named("shuffle", .int, "shuffle with this seed before the limit", default: Value.none),
    ]

    /// The dataset shuffled and cut as the invocation asks.
    static func apply(_ invocation: Invocation, to dataset: Dataset) throws -> Dataset {
        var dataset = dataset
        if let seed = invocation.optionalInt("shuffle") {
            dataset = dataset.shuffled(seed: UInt64(bitPattern: Int64(seed)))
        }
        if let limit = invocation.optionalInt("limit") {
            guard limit >= 1 else { throw invocation.error("`limit` must be at least 1, not \(limit)", at: "limit") }
            dataset = dataset.limit(limit)
        }
        return dataset
    }
}
