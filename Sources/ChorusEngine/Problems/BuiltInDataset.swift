extension Dataset {
    /// The names `builtIn(named:count:seed:)` knows.
    public static let builtInNames = ["arithmetic"]

    /// A dataset Chorus makes itself, such as `arithmetic`: `count` problems drawn from `seed`.
    public static func builtIn(named name: String, count: Int, seed: UInt64 = 1) throws(DatasetError) -> Dataset {
        guard count >= 0 else { throw .negativeCount(count) }
        switch name {
        case "arithmetic":
            return ArithmeticProblemGenerator(seed: seed).dataset(count: count, name: name)
        default:
            throw .unknownBuiltIn(name, available: builtInNames)
        }
    }
}
