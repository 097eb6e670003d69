/// The optional `k:` of the strategies that choose among each problem's first k samples.
enum CandidateCount {
    /// The invocation's `k:` (nil when left out), checked against the fewest samples a problem of
    /// `set` has; `command` words the hint.
    static func optionalK(_ invocation: Invocation, for set: SampleSetValue, command: String) throws -> Int? {
        guard let k = invocation.optionalInt("k") else { return nil }
        let available = set.samples.minimumSamplesPerProblem
        guard k >= 1 else { throw invocation.error("`k` must be at least 1, not \(k)", at: "k") }
        guard k <= available else {
            throw invocation.error(
                "`k` is \(k) but some problem has only \(Plural.count(available, "sample"))", at: "k",
                hint: "\(command) with k: \(available) or fewer, or draw more samples")
        }
        return k
    }
}
