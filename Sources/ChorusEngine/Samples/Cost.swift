/// What a stage cost: model calls, tokens, and wall time. Costs of stages add up.
public struct Cost: Sendable, Equatable, Codable {
    /// Requests made to a model.
    public var calls: Int
    /// Prompt tokens sent.
    public var promptTokens: Int
    /// Completion tokens received.
    public var completionTokens: Int
    /// Wall-clock seconds spent.
    public var wallSeconds: Double

    /// Creates a cost.
    public init(calls: Int = 0, promptTokens: Int = 0, completionTokens: Int = 0, wallSeconds: Double = 0) {
        self.calls = calls
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.wallSeconds = wallSeconds
    }

    /// Nothing spent.
    public static let zero = Cost()

    /// The cost of two stages together.
    public static func + (lhs: Cost, rhs: Cost) -> Cost {
        Cost(
            calls: lhs.calls + rhs.calls, promptTokens: lhs.promptTokens + rhs.promptTokens,
            completionTokens: lhs.completionTokens + rhs.completionTokens, wallSeconds: lhs.wallSeconds + rhs.wallSeconds)
    }

    /// All tokens, prompt and completion.
    public var totalTokens: Int { promptTokens + completionTokens }
}
