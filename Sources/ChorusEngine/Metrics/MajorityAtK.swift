import Synchronization

/// maj@k as an exact expectation over the k-subsets of a problem's n samples.
///
/// For every k-subset, the subset's majority answer class wins; a problem
/// scores 1 if the winning class is the correct one. Ties among the top
/// classes are broken uniformly at random, so a t-way tie that includes the
/// correct class counts 1/t. Unparseable samples take places in the subset
/// but cast no vote; a subset with no vote at all scores 0. The result is the
/// mean of that score over all C(n, k) subsets, computed by counting (no
/// sampling): for each number j of correct votes, a dynamic program over the
/// other classes counts the subsets in which none has more than j votes,
/// keeping how many have exactly j.
///
/// The work is O(k² · m²) for m wrong classes; the binomial coefficients come from tables built
/// once per call, and results are remembered per input, so `metrics` and `compare` over the same
/// set (or a rerun of either) count each problem once.
public enum MajorityAtK {
    /// The inputs of one expectation, the key of the remembered results.
    private struct Input: Hashable {
        let correctVotes: Int
        let otherClassSizes: [Int]
        let unparseable: Int
        let k: Int
    }

    /// Results computed so far; emptied when it reaches ``rememberedLimit`` entries.
    private static let remembered = Mutex<[Input: Double]>([:])
    /// Entries kept before the memory is emptied (each is a few words and one small array).
    static let rememberedLimit = 1 << 16

    /// The expected maj@k score for one problem.
    ///
    /// - Parameters:
    ///   - correctVotes: samples in the correct answer class.
    ///   - otherClassSizes: sizes of every other (wrong) answer class.
    ///   - unparseable: samples with no parseable answer.
    ///   - k: subset size, 1...n.
    /// - Returns: nil when k is not in 1...n.
    public static func expectation(correctVotes: Int, otherClassSizes: [Int], unparseable: Int, k: Int) -> Double? {
        let n = correctVotes + otherClassSizes.reduce(0, +) + unparseable
        guard k >= 1, k <= n, correctVotes >= 0, unparseable >= 0, otherClassSizes.allSatisfy({ $0 >= 0 }) else {
            return nil
        }
        guard correctVotes > 0 else { return 0 }
        let input = Input(correctVotes: correctVotes, otherClassSizes: otherClassSizes, unparseable: unparseable, k: k)
        if let known = remembered.withLock({ $0[input] }) { return known }
        let value = count(input, total: n)
        remembered.withLock { memory in
            if memory.count >= rememberedLimit { memory.removeAll(keepingCapacity: true) }
            memory[input] = value
        }
        return value
    }

    /// The expectation, counted; the additions run in the order of the plain three-loop program
    /// (subsets used, ties, votes taken), so every result is the same double it always was.
    private static func count(_ input: Input, total n: Int) -> Double {
        let k = input.k
        let sizes = input.otherClassSizes.filter { $0 > 0 }  // An empty class adds exact zeros only.
        let classes = input.otherClassSizes.count
        let width = classes + 1
        let total = Binomial.coefficient(n, k)
        // choose[c][t] = C(sizes[c], t) and rest[r] = C(unparseable, r), for t, r in 0...k.
        let choose = sizes.map { size in (0...k).map { Binomial.coefficient(size, $0) } }
        let rest = (0...k).map { Binomial.coefficient(input.unparseable, $0) }
        // ways[used * width + ties]: choices of `used` further samples where `ties` wrong classes
        // have exactly j votes and none more.
        var ways = [Double](repeating: 0, count: (k + 1) * width)
        var next = ways
        var credit = 0.0
        for j in 1...min(input.correctVotes, k) {
            let waysForCorrect = Binomial.coefficient(input.correctVotes, j)
            let room = k - j
            for index in 0..<(room + 1) * width { ways[index] = 0 }
            ways[0] = 1
            var reach = 0  // The most ties any choice so far can hold.
            for (classIndex, size) in sizes.enumerated() {
                for index in 0..<(room + 1) * width { next[index] = 0 }
                let table = choose[classIndex]
                for used in 0...room {
                    for ties in 0...reach where ways[used * width + ties] != 0 {
                        let count = ways[used * width + ties]
                        for taken in 0...min(size, j, room - used) {
                            let tied = ties + (taken == j ? 1 : 0)
                            next[(used + taken) * width + tied] += count * table[taken]
                        }
                    }
                }
                if size >= j { reach += 1 }
                swap(&ways, &next)
            }
            for used in 0...room {
                let restWays = rest[room - used]
                guard restWays > 0 else { continue }
                for ties in 0...reach where ways[used * width + ties] != 0 {
                    credit += waysForCorrect * ways[used * width + ties] * restWays / Double(ties + 1)
                }
            }
        }
        return credit / total
    }
}
