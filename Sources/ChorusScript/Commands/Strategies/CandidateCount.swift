/// The `k:` of the strategies that use each problem's first k samples, and the one check every
/// strategy makes of it: a k larger than the samples a problem has is refused (a label `maj@5` over
/// two samples would say what did not happen), unless `clamp: true` asks for the fewest a problem
/// has, which the label then says.
struct CandidateCount: ParameterList {
    /// The key, worded for the command.
    let k: ParameterKey<Int?>

    /// Whether a k above the samples a problem has is lowered to the fewest a problem has instead of refused.
    static let clamp = ParameterKey<Bool>.named(
        "clamp", "use the fewest samples a problem has when k is more (the label says the k used)", default: false)

    /// A `k:` whose help says what the command does with the first k samples.
    init(_ summary: String) {
        k = .named("k", summary, in: .atLeast(1))
    }

    var parameters: [Parameter] { k.parameters + Self.clamp.parameters }

    /// The invocation's `k:` (nil when left out), checked against the fewest samples a problem of
    /// `set` has; `command` words the hint.
    func value(_ invocation: Invocation, for set: SampleSetValue, command: String) throws -> Int? {
        guard let k = invocation[k] else { return nil }
        return try Self.checked(
            k, available: set.samples.minimumSamplesPerProblem, at: self.k, command: command, invocation: invocation)
    }

    /// `k` if every problem has that many samples (`available`, the fewest); else, with `clamp:
    /// true`, `available` and a warning that says so; else an error at `key`.
    static func checked(
        _ k: Int, available: Int, at key: some ParameterNaming, command: String, invocation: Invocation,
        shortfall: String? = nil
    ) throws -> Int {
        guard k > available else { return k }
        let why = shortfall ?? "some problem has only \(Plural.count(available, "sample"))"
        guard invocation[clamp], available >= 1 else {
            throw invocation.error(
                "`k` is \(k) but \(why)", at: key,
                hint: available < 1
                    ? "draw samples first"
                    : "\(command) with k: \(available) or fewer, add clamp: true to use \(available), "
                        + "or draw more samples")
        }
        invocation.warn("`k` is \(k) but \(why): using k = \(available)", at: key)
        return available
    }
}
