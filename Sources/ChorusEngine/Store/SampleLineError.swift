/// Why one line of a samples file is not a valid sample.
public struct SampleLineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the line.
    public var reason: String

    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
