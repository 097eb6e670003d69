/// Which of a problem's samples a combiner (aggregation, refinement) sees, and in what order.
public struct CandidateSelection: Sendable, Equatable {
    /// The order candidates are shown in; position bias is a known effect worth measuring.
    public enum Order: Sendable, Equatable {
        /// As sampled.
        case sampled
        /// Shuffled, seeded by the selection's seed and the problem id.
        case shuffled
        /// Highest `Sample.score` first (unscored samples last, in sampled order).
        case byScore
    }

    /// Candidates per prompt; a problem with fewer samples shows all it has.
    public var k: Int
    /// Prompts per problem: 1 shows the first k samples; more draw seeded random k-subsets, distinct
    /// while the samples allow.
    public var subsets: Int
    /// Seeds the random subsets and the shuffled order.
    public var seed: Int
    /// The order within a subset.
    public var order: Order

    /// Creates a selection.
    public init(k: Int, subsets: Int = 1, seed: Int = 1, order: Order = .sampled) {
        self.k = max(1, k)
        self.subsets = max(1, subsets)
        self.seed = seed
        self.order = order
    }

    /// For a problem's samples: one list of sample indices per prompt.
    ///
    /// The draw depends only on the seed, the problem id and the samples, so a rerun picks the same
    /// candidates and reads its combined answers from the store.
    public func choose(from samples: [Sample], problemID: String) -> [[Int]] {
        guard !samples.isEmpty else { return [] }
        let size = min(k, samples.count)
        var random = SplitMix64(seed: UInt64(bitPattern: Int64(seed)), stream: Comparison.fnv1a(problemID))
        var chosen: [[Int]] = []
        var drawn: Set<[Int]> = []
        for subset in 0..<subsets {
            var indices: [Int]
            if subset == 0 && subsets == 1 || size == samples.count {
                indices = Array(0..<size)
            } else {
                // Distinct subsets while there are enough of them: a repeated subset is a repeated prompt,
                // which the store answers with the same answer.
                var tries = 0
                repeat {
                    indices = Array(random.shuffled(Array(samples.indices)).prefix(size)).sorted()
                    tries += 1
                } while tries < 64 && drawn.contains(indices)
                drawn.insert(indices)
            }
            switch order {
            case .sampled: break
            case .shuffled: random.shuffle(&indices)
            case .byScore:
                indices = indices.enumerated().sorted { lhs, rhs in
                    let left = samples[lhs.element].score ?? -.infinity
                    let right = samples[rhs.element].score ?? -.infinity
                    return left != right ? left > right : lhs.offset < rhs.offset
                }.map(\.element)
            }
            chosen.append(indices)
        }
        return chosen
    }
}
