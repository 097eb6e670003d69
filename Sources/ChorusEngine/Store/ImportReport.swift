/// What importing a JSON Lines file of samples did.
public struct ImportReport: Sendable, Equatable, CustomStringConvertible {
    /// Samples that were not in the store and now are.
    public var added: Int
    /// Samples whose key the store already held (kept as they were), repeats within the file included.
    public var alreadyPresent: Int

    /// Creates a report.
    public init(added: Int, alreadyPresent: Int) {
        self.added = added
        self.alreadyPresent = alreadyPresent
    }

    /// `12 new samples, 3 already in the store`.
    public var description: String {
        "\(added) new sample\(added == 1 ? "" : "s"), \(alreadyPresent) already in the store"
    }
}
