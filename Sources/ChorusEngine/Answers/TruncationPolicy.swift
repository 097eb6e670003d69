/// What grading does with a response that was cut off before it finished (see ``TruncationCheck``).
public enum TruncationPolicy: String, Sendable, Hashable, CaseIterable {
    /// A cut-off response lands in the `truncated` bucket: it never votes and is never correct (the default).
    case separate
    /// A cut-off response is graded like a finished one (whatever answer it holds counts).
    case grade

    /// The policy with this name (`separate`, `grade`), if any.
    public static func named(_ name: String) -> TruncationPolicy? { TruncationPolicy(rawValue: name) }
}
