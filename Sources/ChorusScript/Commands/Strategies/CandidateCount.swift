/// The optional `k:` of the strategies that choose among each problem's first k samples.
struct CandidateCount: ParameterList {
    /// The key, worded for the command.
    let k: ParameterKey<Int?>

    /// A `k:` whose help says what the command does with the first k samples.
    init(_ summary: String) {
        k = .named("k", summary, in: .atLeast(1))
    }

    var parameters: [Parameter] { k.parameters }

    /// The invocation's `k:` (nil when left out), checked against the fewest samples a problem of
    /// `set` has; `command` words the hint.
    func value(_ invocation: Invocation, for set: SampleSetValue, command: String) throws -> Int? {
        guard let k = invocation[k] else { return nil }
        let available = set.samples.minimumSamplesPerProblem
        guard k <= available else {
            throw invocation.error(
                "`k` is \(k) but some problem has only \(Plural.count(available, "sample"))", at: self.k,
                hint: "\(command) with k: \(available) or fewer, or draw more samples")
        }
        return k
    }
}
