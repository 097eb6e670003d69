/// A mean with a 95% confidence interval from a seeded percentile bootstrap over problems.
///
/// ``BootstrapInterval`` makes them; other modules only read them, so the memberwise initialiser
/// stays internal.
public struct Estimate: Sendable, Equatable {
    /// The mean over problems.
    public let value: Double
    /// The 2.5th percentile of the bootstrap means.
    public let lower: Double
    /// The 97.5th percentile of the bootstrap means.
    public let upper: Double
}
