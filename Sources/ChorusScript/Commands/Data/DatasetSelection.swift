import ChorusEngine

/// The `shuffle:` and `limit:` parameters that `load` and `benchmark` share.
struct DatasetSelection: ParameterList {
    /// Keep the first n problems.
    static let limit = ParameterKey<Int?>.named("limit", "keep the first n problems (after shuffling)", in: .atLeast(1))
    /// Shuffle with this seed first.
    static let shuffle = ParameterKey<Int?>.named("shuffle", "shuffle with this seed before the limit")

    /// The group as a command's signature lists it.
    static let group = DatasetSelection()

    var parameters: [Parameter] { Self.limit.parameters + Self.shuffle.parameters }

    /// The dataset shuffled and cut as the invocation asks.
    static func apply(_ invocation: Invocation, to dataset: Dataset) -> Dataset {
        var dataset = dataset
        if let seed = invocation[shuffle] { dataset = dataset.shuffled(seed: UInt64(bitPattern: Int64(seed))) }
        if let limit = invocation[limit] { dataset = dataset.limit(limit) }
        return dataset
    }
}
